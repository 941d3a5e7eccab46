package dev.portcullis.compare.spring;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The sample's in-memory Orders API; its protection is in {@link SecurityConfig}. */
@RestController
@RequestMapping("/api/orders")
public class OrdersController {

  public record Order(String id, String item, int quantity) {}

  public record NewOrder(String item, int quantity) {}

  private final Map<String, Order> orders = new ConcurrentSkipListMap<>();
  private final AtomicInteger nextId = new AtomicInteger(1);

  public OrdersController() {
    add("coffee beans", 2);
    add("filter papers", 100);
  }

  @GetMapping
  public List<Order> list() {
    return new ArrayList<>(orders.values());
  }

  @GetMapping("/{id}")
  public Order get(@PathVariable String id) {
    Order order = orders.get(id);
    if (order == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no order " + id + ".");
    }
    return order;
  }

  @PostMapping
  public ResponseEntity<Order> create(@RequestBody NewOrder order) {
    if (order == null || order.item() == null || order.item().isBlank() || order.quantity() < 1) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "An order needs an item and a quantity of at least 1.");
    }
    Order created = add(order.item(), order.quantity());
    return ResponseEntity.created(URI.create("/api/orders/" + created.id())).body(created);
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void delete(@PathVariable String id) {
    if (orders.remove(id) == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no order " + id + ".");
    }
  }

  private Order add(String item, int quantity) {
    String id = Integer.toString(nextId.getAndIncrement());
    Order order = new Order(id, item, quantity);
    orders.put(id, order);
    return order;
  }
}
