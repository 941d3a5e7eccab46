package catalog;

import dev.portcullis.RequiresScope;
import dev.portcullis.RequiresToken;
import dev.portcullis.ScopeMatch;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** A shared API interface with every kind of parameter and result a client stub handles. */
@Path("/catalog")
@Produces(MediaType.APPLICATION_JSON)
@RequiresScope("catalog:read")
public interface CatalogApi {
  @GET
  List<Item> list(@QueryParam("tag") List<String> tags, @QueryParam("size") @DefaultValue("20") Integer size);

  @GET
  @Path("items/{id: [^/]+}")
  Item get(@PathParam("id") String id);

  @GET
  @Path("async/{id}")
  CompletionStage<Item> getAsync(@PathParam("id") String id);

  @HEAD
  @Path("items/{id}")
  Response exists(@PathParam("id") String id);

  @OPTIONS
  @Path("items")
  Response options();

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RequiresScope("catalog:write")
  Response create(Item item);

  @PUT
  @Path("items/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RequiresScope("catalog:write")
  Item replace(@PathParam("id") String id, Item item);

  @PATCH
  @Path("items/{id}")
  @Consumes("application/merge-patch+json")
  @RequiresScope("catalog:write")
  Item patch(@PathParam("id") String id, Map<String, String> changes);

  @DELETE
  @Path("items/{id}")
  @RequiresScope("catalog:write")
  void delete(@PathParam("id") String id);

  @PURGE
  @Path("cache")
  @RequiresScope(value = {"catalog:admin", "catalog:write"}, match = ScopeMatch.ANY)
  CompletionStage<Void> purge();

  @GET
  @Path("echo")
  @Produces(MediaType.TEXT_PLAIN)
  String echo(
      @HeaderParam("X-Trace") String trace,
      @CookieParam("session") String session,
      @MatrixParam("v") @DefaultValue("1") String version);

  @POST
  @Path("form")
  @Produces(MediaType.TEXT_PLAIN)
  String form(@FormParam("name") String name, @FormParam("tag") List<String> tags);

  @GET
  @Path("search")
  @Produces(MediaType.TEXT_PLAIN)
  String search(@BeanParam SearchQuery query);

  @GET
  @Path("count")
  @Produces(MediaType.TEXT_PLAIN)
  @RequiresToken
  int count();
}
