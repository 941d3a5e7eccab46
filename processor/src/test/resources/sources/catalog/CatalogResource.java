package catalog;

import dev.portcullis.Public;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The server side of {@link CatalogApi}: echoes what it received so tests can check it. */
@Path("/catalog")
public class CatalogResource implements CatalogApi {
  @Override
  public List<Item> list(List<String> tags, Integer size) {
    List<Item> items = new ArrayList<>();
    items.add(new Item("tags", String.join(",", tags)));
    items.add(new Item("size", String.valueOf(size)));
    return items;
  }

  @Override
  public Item get(String id) {
    if (id.equals("missing")) {
      throw new NotFoundException();
    }
    return new Item(id, "item " + id);
  }

  @Override
  public CompletionStage<Item> getAsync(String id) {
    return CompletableFuture.completedFuture(new Item(id, "async " + id));
  }

  @Override
  public Response exists(String id) {
    return Response.ok().build();
  }

  @Override
  public Response options() {
    return Response.ok().header("Allow", "GET").build();
  }

  @Override
  public Response create(Item item) {
    return Response.created(URI.create("/catalog/items/" + item.id)).entity(item).build();
  }

  @Override
  public Item replace(String id, Item item) {
    return new Item(id, item.name);
  }

  @Override
  public Item patch(String id, Map<String, String> changes) {
    return new Item(id, changes.get("name"));
  }

  @Override
  public void delete(String id) {
    if (id.equals("missing")) {
      throw new NotFoundException();
    }
  }

  @Override
  public CompletionStage<Void> purge() {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public String echo(String trace, String session, String version) {
    return trace + "|" + session + "|" + version;
  }

  @Override
  public String form(String name, List<String> tags) {
    return name + "|" + String.join(",", tags);
  }

  @Override
  public String search(SearchQuery query) {
    return query.getText() + "|" + query.getPage() + "|" + String.join(",", query.tags);
  }

  @Override
  public int count() {
    return 42;
  }

  @GET
  @Path("status")
  @Produces(MediaType.TEXT_PLAIN)
  @Public
  public String status(@HeaderParam("Authorization") String authorization) {
    return authorization == null ? "anonymous" : "with token";
  }
}
