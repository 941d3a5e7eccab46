package dev.portcullis.sample;

import dev.portcullis.Public;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** {@code GET /health}: public, for load balancers and humans. */
@Path("/health")
@Public
public final class HealthResource {

  /** Always {@code {"status":"UP"}} while the server runs. */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, String> health() {
    return Map.of("status", "UP");
  }
}
