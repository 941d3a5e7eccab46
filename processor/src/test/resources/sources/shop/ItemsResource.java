package shop;

import dev.portcullis.RequiresScope;
import dev.portcullis.RequiresToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;

@Path("/items")
@RequiresScope("items:read")
public class ItemsResource<T> {
  @GET
  public List<T> list() {
    return List.of();
  }

  @GET
  @Path("{page}")
  @RequiresToken
  public List<T> page(@PathParam("page") int page, @QueryParam("all") boolean all) {
    return List.of();
  }

  @POST
  @RequiresScope({"items:write", "items:admin"})
  public void add(T item) {}
}
