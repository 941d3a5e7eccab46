package dev.portcullis.internal;

import com.nimbusds.jose.proc.BadJOSEException;

/**
 * Turns Nimbus rejections into fixed, client-safe descriptions. Nimbus messages can carry
 * claim values, so they are matched here and never passed on; an unknown message falls
 * back to a generic sentence.
 */
final class RejectionReasons {
  private RejectionReasons() {}

  static String describe(BadJOSEException e) {
    String m = e.getMessage() == null ? "" : e.getMessage();
    if (m.startsWith("Expired JWT")) {
      return "The token has expired.";
    }
    if (m.startsWith("JWT before use time")) {
      return "The token is not valid yet.";
    }
    if (m.contains("aud claim")) {
      return "The token was not issued for this API (audience mismatch).";
    }
    if (m.contains("iss claim")) {
      return "The token was not issued by the expected issuer.";
    }
    if (m.startsWith("JWT missing required claims")) {
      return "The token lacks a required claim (exp or iss).";
    }
    if (m.contains("typ (type)")) {
      return "The token type (typ header) is not accepted for access tokens.";
    }
    if (m.contains("Invalid signature")) {
      return "The token signature is invalid.";
    }
    if (m.contains("no matching key") || m.contains("No matching verifier")) {
      return "The token is not signed with an accepted algorithm and a known key.";
    }
    if (m.startsWith("Unsecured") || m.startsWith("Plain JWT")) {
      return "Unsigned tokens are not accepted.";
    }
    if (m.startsWith("Encrypted JWT")) {
      return "Encrypted tokens are not accepted.";
    }
    return "The token is invalid.";
  }
}
