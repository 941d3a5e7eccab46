package dev.portcullis.docs.testing;

import dev.portcullis.RequiresScope;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** A second resource class of the testing examples, with a path template. */
@Path("/stock/{sku}")
@RequiresScope("stock:read")
public class StockResource {
  @GET
  public int count(@PathParam("sku") String sku) {
    return 0;
  }
}
