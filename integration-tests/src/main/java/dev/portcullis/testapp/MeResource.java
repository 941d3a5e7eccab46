package dev.portcullis.testapp;

import dev.portcullis.Public;
import dev.portcullis.RequiresToken;
import dev.portcullis.TokenPrincipal;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.util.TreeSet;

/** Echoes the SecurityContext so tests can see what the filter installed. */
@Path("/me")
@RequiresToken
public class MeResource {
  @GET
  public String me(@Context SecurityContext security) {
    TokenPrincipal p = (TokenPrincipal) security.getUserPrincipal();
    boolean claimsFrozen;
    try {
      p.claims().put("x", "y");
      claimsFrozen = false;
    } catch (UnsupportedOperationException e) {
      claimsFrozen = true;
    }
    return "name=" + p.getName()
        + "\nsubject=" + p.subject()
        + "\nclientId=" + p.clientId()
        + "\nissuer=" + p.issuer()
        + "\nscopes=" + new TreeSet<>(p.scopes())
        + "\nroles=" + new TreeSet<>(p.roles())
        + "\nexpiresAt=" + p.expiresAt().getEpochSecond()
        + "\nclaim.tenant=" + p.claims().get("tenant")
        + "\nclaimsFrozen=" + claimsFrozen
        + "\nrole.orders:read=" + security.isUserInRole("orders:read")
        + "\nrole.orders:admin=" + security.isUserInRole("orders:admin")
        + "\nscheme=" + security.getAuthenticationScheme()
        + "\nsecure=" + security.isSecure()
        + "\ntoString=" + p;
  }

  @GET
  @Path("ping")
  @Public
  public String ping(@Context SecurityContext security) {
    return "pong principal=" + security.getUserPrincipal();
  }
}
