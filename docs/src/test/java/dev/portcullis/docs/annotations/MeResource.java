package dev.portcullis.docs.annotations;

import dev.portcullis.RequiresToken;
import dev.portcullis.TokenPrincipal;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

/** What a protected method sees of the token, as docs/annotations.md shows it. */
@Path("/api")
public class MeResource {
  // tag::me[]
  @GET
  @Path("/me")
  @RequiresToken
  public String me(@Context SecurityContext security) {
    TokenPrincipal token = (TokenPrincipal) security.getUserPrincipal();
    token.subject();      // sub
    token.clientId();     // client_id, else azp
    token.issuer();       // iss
    token.scopes();       // from scope (space-delimited) or scp (array or string)
    token.expiresAt();    // exp as an Instant
    token.claims();       // every claim, unmodifiable
    security.isUserInRole("orders:write");   // scope membership
    security.getAuthenticationScheme();      // "Bearer"
    return token.subject();
  }
  // end::me[]
}
