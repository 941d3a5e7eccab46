package shop;

import jakarta.ws.rs.Path;

@Path("/order-items")
public class OrderItemsResource extends ItemsResource<Order> {}
