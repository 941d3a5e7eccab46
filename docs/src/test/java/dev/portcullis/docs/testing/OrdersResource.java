package dev.portcullis.docs.testing;

import dev.portcullis.RequiresScope;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;

/** The application the testing examples check. */
@Path("/orders")
@RequiresScope("orders:read")
public class OrdersResource {
  @GET
  public List<String> list() {
    return List.of();
  }
}
