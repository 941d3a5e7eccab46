package dev.portcullis.docs.clients;

import dev.portcullis.OAuthClient;
import dev.portcullis.RequiresScope;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.concurrent.CompletionStage;

// tag::async-client[]
@OAuthClient(name = "orders-async", scopes = "orders:read")
@Path("/api/orders")
@Produces(MediaType.APPLICATION_JSON)
@RequiresScope("orders:read")
public interface AsyncOrdersReader {
  @GET
  CompletionStage<List<Order>> list();

  @GET
  @Path("{id}")
  CompletionStage<Response> answer(@PathParam("id") String id);
}
// end::async-client[]
