package dev.portcullis.testapp;

import dev.portcullis.OAuthClient;
import dev.portcullis.RequiresScope;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;

/** An asynchronous client of the items API that {@link ItemsResource} serves. */
@OAuthClient(name = "items-async", scopes = TestScopes.ITEMS_READ)
@Path("/items")
public interface AsyncItemsClient {
  @GET
  @Path("{id}")
  @RequiresScope(TestScopes.ITEMS_READ)
  CompletionStage<String> get(@PathParam("id") String id);

  @GET
  @Path("{id}")
  @RequiresScope(TestScopes.ITEMS_READ)
  CompletionStage<Response> answer(@PathParam("id") String id);

  @GET
  @Path("{id}")
  @RequiresScope(TestScopes.ITEMS_READ)
  CompletionStage<Void> check(@PathParam("id") String id);
}
