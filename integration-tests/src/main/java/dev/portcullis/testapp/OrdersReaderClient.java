package dev.portcullis.testapp;

import dev.portcullis.OAuthClient;
import dev.portcullis.RequiresScope;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** A reading client of {@link OrdersResource}, for clients whose identity provider grants orders:read. */
@OAuthClient(name = "orders-reader", scopes = "orders:read")
@Path("/orders")
@RequiresScope("orders:read")
public interface OrdersReaderClient {
  @GET
  String list();

  @GET
  @Path("{id}")
  String get(@PathParam("id") String id);
}
