package dev.portcullis.sample;

import jakarta.inject.Singleton;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory implementation of {@link OrdersApi}; its protection comes from the interface.
 * One instance serves every request, so the orders live as long as the server.
 */
@Singleton
@Path("/api/orders")
public final class OrdersResource implements OrdersApi {

  private final Map<String, Order> orders = new ConcurrentSkipListMap<>();
  private final AtomicInteger nextId = new AtomicInteger(1);

  /** Starts with two orders so that a first {@code GET} shows something. */
  public OrdersResource() {
    add("coffee beans", 2);
    add("filter papers", 100);
  }

  @Override
  public List<Order> list() {
    return new ArrayList<>(orders.values());
  }

  @Override
  public Order get(String id) {
    Order order = orders.get(id);
    if (order == null) {
      throw new NotFoundException("There is no order " + id + ".");
    }
    return order;
  }

  @Override
  public Response create(NewOrder order) {
    if (order == null || order.item() == null || order.item().isBlank() || order.quantity() < 1) {
      throw new BadRequestException("An order needs an item and a quantity of at least 1.");
    }
    Order created = add(order.item(), order.quantity());
    return Response.created(URI.create("/api/orders/" + created.id())).entity(created).build();
  }

  @Override
  public void delete(String id) {
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
