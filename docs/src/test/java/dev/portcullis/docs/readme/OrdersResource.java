package dev.portcullis.docs.readme;

import dev.portcullis.Public;
import dev.portcullis.RequiresScope;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;

/** The resource class of the README's first example. */
// tag::resource[]
@Path("/api/orders")
@RequiresScope("orders:read")                 // every method needs orders:read ...
public class OrdersResource {
  @GET
  public List<Order> list() {
    return List.of();
  }

  @POST
  @RequiresScope("orders:write")              // ... unless it says otherwise
  public Order create(Order order) {
    return order;
  }

  @GET
  @Path("/count")
  @Public                                     // no token at all
  public int count() {
    return 0;
  }
}
// end::resource[]
