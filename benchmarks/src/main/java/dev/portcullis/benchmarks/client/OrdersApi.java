package dev.portcullis.benchmarks.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The API of the client-path benchmark: one small read, implemented by {@link OrderResource}
 * and called through the generated stub of {@link OrdersClient}.
 */
@Path("/orders")
public interface OrdersApi {

  /** One order as a small JSON document. */
  @GET
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  String order(@PathParam("id") String id);
}
