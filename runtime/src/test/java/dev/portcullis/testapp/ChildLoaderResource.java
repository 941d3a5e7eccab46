package dev.portcullis.testapp;

import dev.portcullis.RequiresScope;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Its binding file is not on the test class path: tests provide it through a child class loader. */
@Path("/child")
@RequiresScope("child:read")
public class ChildLoaderResource {
  @GET
  public String get() {
    return "child";
  }
}
