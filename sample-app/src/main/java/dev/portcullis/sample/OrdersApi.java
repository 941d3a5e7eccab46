package dev.portcullis.sample;

import dev.portcullis.RequiresScope;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The Orders API as a JAX-RS interface: the server implements it, and the scope
 * requirements written here protect every implementation.
 */
@Path("/api/orders")
@Produces(MediaType.APPLICATION_JSON)
@RequiresScope("orders:read")
public interface OrdersApi {

  /** Every order. Needs {@code orders:read}. */
  @GET
  List<Order> list();

  /** One order, or 404. Needs {@code orders:read}. */
  @GET
  @Path("{id}")
  Order get(@PathParam("id") String id);

  /** Creates an order and answers 201 with its location. Needs {@code orders:write}. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RequiresScope("orders:write")
  Response create(NewOrder order);

  /** Deletes an order: 204, or 404 when there is none. Needs {@code orders:admin}. */
  @DELETE
  @Path("{id}")
  @RequiresScope("orders:admin")
  void delete(@PathParam("id") String id);
}
