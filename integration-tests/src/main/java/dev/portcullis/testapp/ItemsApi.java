package dev.portcullis.testapp;

import dev.portcullis.RequiresScope;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** JAX-RS and Portcullis annotations on an interface, as in an API jar. */
@Path("/items")
public interface ItemsApi {
  @GET
  @Path("{id}")
  @RequiresScope("items:read")
  String get(@PathParam("id") String id);
}
