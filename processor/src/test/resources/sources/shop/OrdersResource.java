package shop;

import dev.portcullis.Public;
import dev.portcullis.RequiresScope;
import dev.portcullis.RequiresToken;
import dev.portcullis.ScopeMatch;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;

@Path("/orders")
@RequiresScope("orders:read")
public class OrdersResource {
  @GET
  public List<Order> list() {
    return List.of();
  }

  @GET
  @Path("search")
  public <T extends CharSequence> List<Order> list(
      @QueryParam("page") int page, @QueryParam("tag") List<T> tags, @QueryParam("ids") long[] ids) {
    return List.of();
  }

  @POST
  @RequiresScope({"orders:write", "orders:read"})
  public Order create(Order order) {
    return order;
  }

  @DELETE
  @Path("{id}")
  @RequiresScope(value = {"orders:admin", "ops"}, match = ScopeMatch.ANY)
  public void delete(@PathParam("id") long id) {}

  @GET
  @Path("me")
  @RequiresToken
  public String me() {
    return "me";
  }

  @GET
  @Path("health")
  @Public
  public String health() {
    return "ok";
  }

  /** Not a resource method: not in the binding. */
  public String format(Order order) {
    return order.toString();
  }
}
