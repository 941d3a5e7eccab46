package dev.portcullis.test.shop;

import dev.portcullis.Dpop;
import dev.portcullis.RequiresToken;
import dev.portcullis.TokenPrincipal;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.TreeSet;

/** What the application saw of the token, one {@code name=value} line per claim the tests set. */
@Path("/me")
@RequiresToken
public class MeResource {
  @GET
  @Produces(MediaType.TEXT_PLAIN)
  public String me(@Context SecurityContext security) {
    TokenPrincipal token = (TokenPrincipal) security.getUserPrincipal();
    return "sub=" + token.subject() + "\n"
        + "client_id=" + token.clientId() + "\n"
        + "iss=" + token.issuer() + "\n"
        + "scopes=" + String.join(" ", new TreeSet<>(token.scopes())) + "\n"
        + "acr=" + token.claims().get("acr") + "\n"
        + "aud=" + token.claims().get("aud") + "\n";
  }

  /** Only for DPoP-bound tokens: the conformance check shows bearer tokens refused here. */
  @GET
  @Path("keys")
  @RequiresToken(dpop = Dpop.REQUIRED)
  @Produces(MediaType.TEXT_PLAIN)
  public String keys() {
    return "keys";
  }
}
