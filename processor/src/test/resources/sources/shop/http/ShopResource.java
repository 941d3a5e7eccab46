package shop.http;

import dev.portcullis.Public;
import dev.portcullis.RequiresScope;
import dev.portcullis.RequiresToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

@Path("/shop")
@Produces("text/plain")
@RequiresScope("orders:read")
public class ShopResource implements AdminApi {
  @GET
  public String list() {
    return "orders";
  }

  @POST
  @RequiresScope("orders:write")
  public String create() {
    return "created";
  }

  @GET
  @Path("health")
  @Public
  public String health() {
    return "ok";
  }

  @GET
  @Path("me")
  @RequiresToken
  public String me() {
    return "me";
  }

  @Override
  public String purge() {
    return "purged";
  }
}
