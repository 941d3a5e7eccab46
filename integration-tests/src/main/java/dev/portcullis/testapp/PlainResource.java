package dev.portcullis.testapp;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** No Portcullis annotations, so no generated filter: Portcullis leaves it alone. */
@Path("/plain")
public class PlainResource {
  @GET
  public String get() {
    return "plain";
  }
}
