package com.example.notes;

import dev.portcullis.Public;
import dev.portcullis.RequiresScope;
import jakarta.inject.Singleton;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Notes, kept in memory. Every method needs notes:read, unless it says otherwise. */
@Singleton
@Path("/notes")
@Produces(MediaType.APPLICATION_JSON)
@RequiresScope(NotesScopes.READ)
public class NotesResource {
  private final Map<String, Note> notes = new ConcurrentSkipListMap<>();
  private final AtomicInteger nextId = new AtomicInteger(1);

  @GET
  public List<Note> list() {
    return List.copyOf(notes.values());
  }

  @GET
  @Path("/{id}")
  public Note get(@PathParam("id") String id) {
    Note note = notes.get(id);
    if (note == null) {
      throw new NotFoundException();
    }
    return note;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RequiresScope(NotesScopes.WRITE)
  public Note create(Note note) {
    if (note == null || note.text() == null || note.text().isBlank()) {
      throw new BadRequestException();
    }
    String id = String.valueOf(nextId.getAndIncrement());
    Note created = new Note(id, note.text());
    notes.put(id, created);
    return created;
  }

  @GET
  @Path("/count")
  @Public
  public int count() {
    return notes.size();
  }
}
