package dev.portcullis.testapp;

import jakarta.ws.rs.Path;

/**
 * A root resource with sub-resource locators only, so that JAX-RS reports no resource method of
 * its own: one locator declares the class it returns, the other decides per request.
 */
@Path("/shelves")
public class ShelvesResource {
  @Path("books")
  public BooksResource books() {
    return new BooksResource();
  }

  @Path("pages")
  public Object pages() {
    return new PagesResource();
  }
}
