package dev.portcullis.testapp;

import dev.portcullis.OAuthClient;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** The generated client of {@link AccountResource}, whose methods ask for step-up authentication. */
@OAuthClient(name = "account", scopes = TestScopes.ACCOUNT_READ)
@Path("/account")
public interface AccountClient {
  @GET
  String show();

  @DELETE
  String close();
}
