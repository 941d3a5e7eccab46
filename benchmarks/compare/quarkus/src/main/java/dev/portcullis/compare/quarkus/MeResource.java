package dev.portcullis.compare.quarkus;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** {@code GET /api/me}: any valid token, as in the sample. */
@Path("/api/me")
@Authenticated
public class MeResource {

  @Inject
  JsonWebToken token;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> me() {
    Map<String, Object> me = new LinkedHashMap<>();
    me.put("sub", token.getSubject());
    me.put("client_id", token.getClaim("client_id"));
    String scope = token.getClaim("scope");
    me.put("scopes", new TreeSet<>(scope == null ? List.of() : List.of(scope.split(" "))));
    return me;
  }
}
