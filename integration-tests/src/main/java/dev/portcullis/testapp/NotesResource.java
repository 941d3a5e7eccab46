package dev.portcullis.testapp;

import jakarta.ws.rs.Path;

/** Implements a generic annotated interface. */
@Path("/notes")
public class NotesResource implements CrudApi<String> {
  @Override
  public String create(String body) {
    return "note " + body;
  }
}
