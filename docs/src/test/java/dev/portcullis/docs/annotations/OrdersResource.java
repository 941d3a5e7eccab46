package dev.portcullis.docs.annotations;

import dev.portcullis.Public;
import dev.portcullis.RequiresScope;
import dev.portcullis.RequiresToken;
import dev.portcullis.ScopeMatch;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Every kind of decision on one resource class, as docs/annotations.md shows it. */
// tag::resource[]
@Path("/api/orders")
@RequiresScope("orders:read")
public class OrdersResource {
  @GET
  public List<Order> list() {                                 // orders:read
    return List.of();
  }

  @POST
  @RequiresScope("orders:write")
  public Response create(NewOrder order) {                    // orders:write
    return Response.status(Response.Status.CREATED).build();
  }

  @DELETE
  @Path("{id}")
  @RequiresScope(value = {"orders:admin", "ops"}, match = ScopeMatch.ANY)
  public void delete(@PathParam("id") String id) {            // orders:admin or ops
  }

  @GET
  @Path("/count")
  @RequiresToken
  public int count() {                                        // any valid token
    return 0;
  }

  @GET
  @Path("/ping")
  @Public
  public String ping() {                                      // no token at all
    return "pong";
  }
}
// end::resource[]
