package dev.portcullis.test.shop;

import dev.portcullis.RequiresScope;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A path template with a regular expression the placeholder value does not match. */
@Path("/stock/{sku: [A-Z]-[0-9]+}")
@Produces(MediaType.TEXT_PLAIN)
public class StockResource {
  @GET
  @RequiresScope(ShopScopes.READ)
  public String level(@PathParam("sku") String sku) {
    return sku + ": 12";
  }
}
