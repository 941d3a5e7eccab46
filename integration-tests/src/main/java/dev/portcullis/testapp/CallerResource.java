package dev.portcullis.testapp;

import dev.portcullis.TokenPrincipal;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Answers with the subject and audience of the token it was called with, and the token
 * itself, so that tests can tell an exchanged token from a forwarded one.
 */
public class CallerResource implements CallerApi {
  @Context
  private SecurityContext security;
  @Context
  private HttpHeaders headers;

  @Override
  public String whoCalls() {
    TokenPrincipal token = (TokenPrincipal) security.getUserPrincipal();
    return "sub=" + token.subject()
        + "\naud=" + token.claims().get("aud")
        + "\ntoken=" + headers.getHeaderString(HttpHeaders.AUTHORIZATION).substring("Bearer ".length());
  }
}
