package shop;

import dev.portcullis.RequiresToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;

/** Carries no requirement on the inherited methods: they come from {@link OrdersApi}. */
@Path("/api/orders")
public class OrdersApiResource implements OrdersApi {
  @Override
  public List<Order> list() {
    return List.of();
  }

  @Override
  public Order create(Order order) {
    return order;
  }

  @Override
  public String ping() {
    return "pong";
  }

  @GET
  @Path("mine")
  @RequiresToken
  public List<Order> mine() {
    return List.of();
  }

  @GET
  @Path("unprotected")
  public String unprotected() {
    return "left alone";
  }
}
