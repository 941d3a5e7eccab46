package dev.portcullis.docs.annotations;

import dev.portcullis.RequiresScope;
import dev.portcullis.RequiresToken;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;

/** Step-up authentication, as docs/annotations.md shows it. */
// tag::step-up[]
@Path("/api/refunds")
@RequiresScope(value = "orders:read", acr = {"mfa", "phr"})
public class RefundsResource {
  @GET
  public List<String> list() {                      // orders:read, acr mfa or phr
    return List.of();
  }

  @POST
  @RequiresScope(value = "orders:write", acr = "phr", maxAge = 300)
  public void refund(String refund) {               // acr phr, signed in at most 5 minutes ago
  }

  @DELETE
  @Path("{id}")
  @RequiresToken(maxAge = 60)
  public void cancel(@PathParam("id") String id) {  // any token, any acr, signed in within a minute
  }
}
// end::step-up[]
