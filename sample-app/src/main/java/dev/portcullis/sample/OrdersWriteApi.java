package dev.portcullis.sample;

import dev.portcullis.RequiresScope;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Creating orders: what {@code orders:write} allows. */
@Path("/api/orders")
@Produces(MediaType.APPLICATION_JSON)
public interface OrdersWriteApi {

  /** Creates an order and answers 201 with its location. Needs {@code orders:write}. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RequiresScope("orders:write")
  Response create(NewOrder order);
}
