package dev.portcullis.docs.catalogue;

import dev.portcullis.OAuthClient;
import dev.portcullis.RequiresScope;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;

/** The catalogue's constants in use, as docs/compile-time-checks.md shows them. */
@Path("/api/orders")
public interface OrdersApi {
  // tag::use[]
  @GET @RequiresScope(OrdersScopes.READ) List<Order> list();
  @OAuthClient(name = "orders-reader", scopes = OrdersScopes.READ) interface OrdersReader extends OrdersApi { }
  // end::use[]
}
