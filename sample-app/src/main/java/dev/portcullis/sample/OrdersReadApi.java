package dev.portcullis.sample;

import dev.portcullis.RequiresScope;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The read half of the Orders API: everything {@code orders:read} allows. A client that only
 * reads extends this interface, so that the compile-time scope check holds for it.
 */
@Path("/api/orders")
@Produces(MediaType.APPLICATION_JSON)
@RequiresScope("orders:read")
public interface OrdersReadApi {

  /** Every order. Needs {@code orders:read}. */
  @GET
  List<Order> list();

  /** One order, or 404. Needs {@code orders:read}. */
  @GET
  @Path("{id}")
  Order get(@PathParam("id") String id);
}
