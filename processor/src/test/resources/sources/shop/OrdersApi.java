package shop;

import dev.portcullis.Public;
import dev.portcullis.RequiresScope;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;

/** An API interface, as a team would publish it in its own jar. */
@RequiresScope("orders:read")
public interface OrdersApi {
  @GET
  List<Order> list();

  @POST
  @RequiresScope("orders:write")
  Order create(Order order);

  @GET
  @Path("ping")
  @Public
  String ping();
}
