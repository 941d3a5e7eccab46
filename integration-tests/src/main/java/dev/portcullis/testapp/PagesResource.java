package dev.portcullis.testapp;

import dev.portcullis.RequiresScope;
import jakarta.ws.rs.GET;

/** A sub-resource that {@link ShelvesResource#pages()} returns as {@code Object}: met only per request. */
public class PagesResource {
  @GET
  @RequiresScope("notes:write")
  public String list() {
    return "pages";
  }
}
