package dev.portcullis.testapp;

import dev.portcullis.RequiresScope;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Loaded by tests from a child class loader whose own service file lists its binding. */
@Path("/child")
@RequiresScope("child:read")
public class ChildLoaderResource {
  @GET
  public String get() {
    return "child";
  }
}
