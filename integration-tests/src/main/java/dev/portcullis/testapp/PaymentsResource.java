package dev.portcullis.testapp;

import dev.portcullis.Dpop;
import dev.portcullis.RequiresScope;
import dev.portcullis.RequiresToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Endpoints that ask for DPoP themselves, beside one that leaves it to the configuration. */
@Path("/payments")
public class PaymentsResource {
  @GET
  @RequiresScope(value = "orders:read", dpop = Dpop.REQUIRED)
  public String list() {
    return "payments";
  }

  @GET
  @Path("summary")
  @RequiresToken(dpop = Dpop.ALLOWED)
  public String summary() {
    return "summary";
  }

  @GET
  @Path("plain")
  @RequiresToken
  public String plain() {
    return "plain";
  }
}
