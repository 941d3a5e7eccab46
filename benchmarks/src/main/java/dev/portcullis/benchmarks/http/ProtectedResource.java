package dev.portcullis.benchmarks.http;

import dev.portcullis.RequiresScope;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The same work as {@link OpenResource}, behind a bearer token with {@code orders:read}. */
@Path("/protected")
@RequiresScope("orders:read")
public class ProtectedResource {
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public String orders() {
    return SameWork.answer();
  }
}
