package dev.portcullis.testapp;

import dev.portcullis.RequiresScope;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A concrete resource class whose {@code @Path} {@link StrictLedgerResource} inherits. */
@Path("/ledger")
@RequiresScope("orders:read")
public class LedgerResource {
  @GET
  public String entries() {
    return "ledger";
  }
}
