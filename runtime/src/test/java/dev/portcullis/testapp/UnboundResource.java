package dev.portcullis.testapp;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Inherits a Portcullis annotation but has no binding: the processor never ran for it. */
@Path("/unbound")
public class UnboundResource extends UnboundBase {
  @GET
  public String get() {
    return "unprotected";
  }
}
