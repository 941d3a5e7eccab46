package dev.portcullis.testapp;

import dev.portcullis.RequiresScope;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Its binding names a method that was renamed since: a stale build. */
@Path("/stale")
public class StaleResource {
  @GET
  @RequiresScope("stale:read")
  public String renamed() {
    return "stale";
  }
}
