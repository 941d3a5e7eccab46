package dev.portcullis.testapp;

import dev.portcullis.RequiresScope;
import dev.portcullis.RequiresToken;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

/**
 * Step-up authentication: the class asks for acr mfa or phr, a method replaces that with its own
 * acr and max age, another with a max age alone, another with no step-up at all.
 */
@Path("/account")
@RequiresScope(value = TestScopes.ACCOUNT_READ, acr = {"mfa", "phr"})
public class AccountResource {
  @GET
  public String show() {
    return "account";
  }

  @PUT
  @RequiresScope(value = TestScopes.ACCOUNT_WRITE, acr = "phr", maxAge = 300)
  public String change(String account) {
    return "changed";
  }

  @DELETE
  @RequiresToken(maxAge = 60)
  public String close() {
    return "closed";
  }

  @GET
  @Path("plain")
  @RequiresToken
  public String plain() {
    return "plain";
  }
}
