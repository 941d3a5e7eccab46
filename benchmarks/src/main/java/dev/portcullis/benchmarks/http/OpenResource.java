package dev.portcullis.benchmarks.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The baseline: no Portcullis annotation, so no token is looked at. */
@Path("/open")
public class OpenResource {
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public String orders() {
    return SameWork.answer();
  }
}
