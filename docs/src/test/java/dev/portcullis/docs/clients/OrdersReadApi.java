package dev.portcullis.docs.clients;

import dev.portcullis.RequiresScope;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The read half of an Orders API, as a server implements it and a client extends it. */
@Path("/api/orders")
@Produces(MediaType.APPLICATION_JSON)
@RequiresScope("orders:read")
public interface OrdersReadApi {
  @GET
  List<Order> list();
}
