package dev.portcullis.docs.annotations;

import dev.portcullis.Dpop;
import dev.portcullis.RequiresScope;
import dev.portcullis.RequiresToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;

/** DPoP asked for per endpoint, as docs/dpop.md shows it. */
// tag::dpop[]
@Path("/api/payments")
public class PaymentsResource {
  @GET
  @RequiresScope("orders:read")
  public List<String> list() {                          // as portcullis.dpop says
    return List.of();
  }

  @POST
  @RequiresScope(value = "orders:write", dpop = Dpop.REQUIRED)
  public void pay(String payment) {                     // only DPoP-bound tokens, with a proof
  }

  @GET
  @Path("limits")
  @RequiresToken(dpop = Dpop.ALLOWED)
  public String limits() {                              // DPoP or Bearer, also when dpop is off
    return "";
  }
}
// end::dpop[]
