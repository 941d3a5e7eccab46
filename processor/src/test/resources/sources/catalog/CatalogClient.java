package catalog;

import dev.portcullis.OAuthClient;
import dev.portcullis.Public;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The client of the whole catalog API; its scopes cover every method. */
@OAuthClient(name = "catalog", scopes = {"catalog:read", "catalog:write"})
public interface CatalogClient extends CatalogApi {
  @GET
  @Path("catalog/status")
  @Produces(MediaType.TEXT_PLAIN)
  @Public
  String status();

  default String describe(String id) {
    return get(id).name;
  }

  static String version() {
    return "1";
  }
}
