package warehouse;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Implements the API, and adds an endpoint nobody decided about. */
@Path("/stock/")
public class StockResource implements StockApi {
  @Override public String list() { return "[]"; }
  @Override public String get(String sku) { return sku; }
  @Override public String adjust(String adjustment) { return adjustment; }
  @Override public String replace(String sku, String item) { return item; }
  @Override public void delete(String sku) {}
  @Override public int count() { return 0; }
  @Override public String health() { return "ok"; }

  @GET
  @Path("legacy")
  public String legacy() { return "old"; }
}
