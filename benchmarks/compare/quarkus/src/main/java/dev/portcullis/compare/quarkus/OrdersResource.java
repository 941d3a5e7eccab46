package dev.portcullis.compare.quarkus;

import io.quarkus.security.PermissionsAllowed;
import jakarta.inject.Singleton;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Portcullis sample's in-memory Orders API on Quarkus. Quarkus OIDC turns each scope of the
 * token's {@code scope} claim into a permission that {@code @PermissionsAllowed} checks; a list
 * of permissions means any one of them. The sample's catalogue says {@code orders:admin}
 * implies {@code orders:write}, which implies {@code orders:read}; here that is written out.
 */
@Singleton
@Path("/api/orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrdersResource {

  public record Order(String id, String item, int quantity) {}

  public record NewOrder(String item, int quantity) {}

  private final Map<String, Order> orders = new ConcurrentSkipListMap<>();
  private final AtomicInteger nextId = new AtomicInteger(1);

  public OrdersResource() {
    add("coffee beans", 2);
    add("filter papers", 100);
  }

  @GET
  @PermissionsAllowed({"orders:read", "orders:write", "orders:admin"})
  public List<Order> list() {
    return new ArrayList<>(orders.values());
  }

  @GET
  @Path("{id}")
  @PermissionsAllowed({"orders:read", "orders:write", "orders:admin"})
  public Order get(@PathParam("id") String id) {
    Order order = orders.get(id);
    if (order == null) {
      throw new NotFoundException("There is no order " + id + ".");
    }
    return order;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @PermissionsAllowed({"orders:write", "orders:admin"})
  public Response create(NewOrder order) {
    if (order == null || order.item() == null || order.item().isBlank() || order.quantity() < 1) {
      throw new BadRequestException("An order needs an item and a quantity of at least 1.");
    }
    Order created = add(order.item(), order.quantity());
    return Response.created(URI.create("/api/orders/" + created.id())).entity(created).build();
  }

  @DELETE
  @Path("{id}")
  @PermissionsAllowed("orders:admin")
  public void delete(@PathParam("id") String id) {
    if (orders.remove(id) == null) {
      throw new NotFoundException("There is no order " + id + ".");
    }
  }

  private Order add(String item, int quantity) {
    String id = Integer.toString(nextId.getAndIncrement());
    Order order = new Order(id, item, quantity);
    orders.put(id, order);
    return order;
  }
}
