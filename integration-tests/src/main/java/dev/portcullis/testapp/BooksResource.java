package dev.portcullis.testapp;

import dev.portcullis.Public;
import dev.portcullis.RequiresScope;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A sub-resource that {@link ShelvesResource#books()} declares; guarded by its own generated filter. */
@RequiresScope("items:read")
public class BooksResource {
  @GET
  public String list() {
    return "books";
  }

  @GET
  @Path("count")
  @Public
  public String count() {
    return "2";
  }
}
