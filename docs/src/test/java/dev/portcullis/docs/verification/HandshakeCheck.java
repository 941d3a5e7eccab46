package dev.portcullis.docs.verification;

import dev.portcullis.AccessTokenVerifier;
import dev.portcullis.PortcullisConfig;
import dev.portcullis.TokenPrincipal;
import dev.portcullis.TokenVerificationException;

/** Verifying a token outside a resource method, as docs/verification.md shows. */
final class HandshakeCheck {
  // tag::verifier[]
  private static final AccessTokenVerifier TOKENS =
      AccessTokenVerifier.create(PortcullisConfig.fromEnvironment());

  /** Whether a WebSocket may open for this token; the reason goes back to the client. */
  static String refusal(String bearerToken) {
    try {
      TokenPrincipal caller = TOKENS.verify(bearerToken);
      return caller.scopes().contains("orders:read") ? null : "The token lacks orders:read.";
    } catch (TokenVerificationException e) {
      return e.retryAfter().isPresent()
          ? "Try again in " + e.retryAfter().get().toSeconds() + " s." // issuer's keys unavailable
          : e.getMessage();                                            // the token is not valid
    }
  }
  // end::verifier[]

  private HandshakeCheck() {}
}
