package dev.portcullis.testapp;

import dev.portcullis.Public;
import dev.portcullis.RequiresToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The class the test resource {@code META-INF/portcullis/scopes/dev.portcullis.testapp.MeResource.json}
 * describes, so that the scope manifest reader finds it beside its fragment on the class path.
 */
@Path("/me")
public class MeResource {
  @GET
  @RequiresToken
  public String me(@Context SecurityContext security) {
    return security.getUserPrincipal().getName();
  }

  @GET
  @Path("ping")
  @Public
  public String ping(@Context SecurityContext security) {
    return "pong";
  }
}
