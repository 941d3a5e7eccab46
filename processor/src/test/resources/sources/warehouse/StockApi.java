package warehouse;

import dev.portcullis.Public;
import dev.portcullis.RequiresScope;
import dev.portcullis.RequiresToken;
import dev.portcullis.ScopeMatch;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** The warehouse API, protected with catalogue constants. */
@Path("/stock/")
@RequiresScope(WarehouseScopes.READ)
public interface StockApi {
  @GET
  String list();

  @GET
  @Path("{sku: [A-Z0-9]+}")
  String get(@PathParam("sku") String sku);

  @POST
  @RequiresScope({WarehouseScopes.WRITE, WarehouseScopes.AUDIT})
  String adjust(String adjustment);

  @PUT
  @Path("{sku}")
  @RequiresScope(value = {WarehouseScopes.ADMIN, WarehouseScopes.AUDIT}, match = ScopeMatch.ANY)
  String replace(@PathParam("sku") String sku, String item);

  @DELETE
  @Path("/{sku}")
  @RequiresScope(WarehouseScopes.ADMIN)
  void delete(@PathParam("sku") String sku);

  @GET
  @Path("count")
  @RequiresToken
  int count();

  @GET
  @Path("health")
  @Public
  String health();
}
