package dev.portcullis.sample;

import dev.portcullis.RequiresToken;
import dev.portcullis.TokenPrincipal;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/** {@code GET /api/me}: who the token says the caller is. Any valid token will do. */
@Path("/api/me")
@RequiresToken
public final class MeResource {

  /** The token's subject, client and scopes. */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> me(@Context SecurityContext security) {
    TokenPrincipal token = (TokenPrincipal) security.getUserPrincipal();
    Map<String, Object> me = new LinkedHashMap<>();
    me.put("sub", token.subject());
    me.put("client_id", token.clientId());
    me.put("scopes", new TreeSet<>(token.scopes()));
    return me;
  }
}
