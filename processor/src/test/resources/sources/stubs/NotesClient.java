package stubs;

import dev.portcullis.OAuthClient;
import dev.portcullis.RequiresScope;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * A client with {@code @BeanParam} methods and a method of each asynchronous kind the stubs
 * support: {@code CompletionStage} of an entity, of a generic entity, of a {@code Response} and
 * of {@code Void}.
 */
@OAuthClient(name = "notes", scopes = {"notes:read", "notes:write"})
@Path("/notes")
@Produces(MediaType.APPLICATION_JSON)
public interface NotesClient {
  @GET
  @RequiresScope("notes:read")
  List<Note> find(@BeanParam Filter filter);

  @GET
  @Path("{folder}")
  @RequiresScope("notes:read")
  List<Note> findInFolder(
      @PathParam("folder") String folder, @BeanParam Filter filter, @BeanParam Page page);

  @GET
  @Path("count")
  @Produces(MediaType.TEXT_PLAIN)
  @RequiresScope("notes:read")
  long count(@BeanParam Filter filter, @QueryParam("exact") boolean exact);

  @GET
  @Path("{id}")
  @RequiresScope("notes:read")
  CompletionStage<Note> getAsync(@PathParam("id") String id);

  @GET
  @RequiresScope("notes:read")
  CompletionStage<List<Note>> findAsync(@BeanParam Filter filter);

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RequiresScope("notes:write")
  CompletionStage<Response> createAsync(Note note);

  @POST
  @Path("{id}/tags")
  @Consumes(MediaType.APPLICATION_JSON)
  @RequiresScope("notes:write")
  CompletionStage<Map<String, List<String>>> tagAsync(
      @PathParam("id") String id, List<String> tags);

  @DELETE
  @Path("{id}")
  @RequiresScope("notes:write")
  CompletionStage<Void> deleteAsync(@PathParam("id") String id);
}
