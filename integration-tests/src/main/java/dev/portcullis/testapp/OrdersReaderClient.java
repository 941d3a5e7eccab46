package dev.portcullis.testapp;

import dev.portcullis.OAuthClient;
import dev.portcullis.RequiresScope;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

  @POST
  @Path("search")
  @Consumes("application/x-www-form-urlencoded")
  String search(@FormParam("q") String query);
}
