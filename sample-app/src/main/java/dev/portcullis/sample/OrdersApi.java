package dev.portcullis.sample;

import dev.portcullis.RequiresScope;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The Orders API as a JAX-RS interface: the server implements it, and the scope
 * requirements written here and in the interfaces it extends protect every implementation.
 * It is split by scope ({@link OrdersReadApi}, {@link OrdersWriteApi}) so that a generated
 * client can extend exactly the part its scopes allow.
 */
@Path("/api/orders")
@Produces(MediaType.APPLICATION_JSON)
public interface OrdersApi extends OrdersReadApi, OrdersWriteApi {

  /** Deletes an order: 204, or 404 when there is none. Needs {@code orders:admin}. */
  @DELETE
  @Path("{id}")
  @RequiresScope("orders:admin")
  void delete(@PathParam("id") String id);
}
