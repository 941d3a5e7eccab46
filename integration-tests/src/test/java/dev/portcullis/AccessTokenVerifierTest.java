package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tokens verified without a JAX-RS request, against a JWKS found through discovery on loopback. */
class AccessTokenVerifierTest {
  @RegisterExtension
  static final KeyServer keys = KeyServer.started();

  private final AccessTokenVerifier verifier = AccessTokenVerifier.create(keys.config().build());

  @AfterEach
  void close() {
    verifier.close();
  }

  @Test
  void aValidTokenGivesItsPrincipal() throws Exception {
    TokenPrincipal caller = verifier.verify(keys.token("orders:read orders:write"));

    assertEquals("alice", caller.subject());
    assertEquals(keys.issuer, caller.issuer());
    assertEquals(Set.of("orders:read", "orders:write"), caller.scopes());
  }

  @Test
  void theSameTokenAgainComesFromTheCache() throws Exception {
    String token = keys.token("orders:read");

    assertSame(verifier.verify(token), verifier.verify(token));
  }

  @Test
  void aTokenForAnotherAudienceIsNotValid() {
    String token = keys.token(claims -> claims.audience(List.of("billing-api")));

    TokenVerificationException e = assertThrows(TokenVerificationException.class, () -> verifier.verify(token));

    assertFalse(e.retryAfter().isPresent());
    assertTrue(e.getMessage().contains("audience"), e.getMessage());
    assertFalse(e.getMessage().contains(token));
  }

  @Test
  void anExpiredTokenIsNotValid() {
    String token = keys.token(claims -> claims.expirationTime(Date.from(Instant.now().minusSeconds(3600))));

    TokenVerificationException e = assertThrows(TokenVerificationException.class, () -> verifier.verify(token));

    assertFalse(e.retryAfter().isPresent());
  }

  @Test
  void aTokenSignedByAnotherKeyIsNotValid() {
    TokenVerificationException e = assertThrows(TokenVerificationException.class,
        () -> verifier.verify(keys.tokenSignedByOtherKey()));

    assertFalse(e.retryAfter().isPresent());
  }

  @Test
  void textThatIsNoTokenIsNotValid() {
    for (String garbage : List.of("", "not-a-jwt", "a.b.c", "Bearer " + keys.token("orders:read"))) {
      TokenVerificationException e = assertThrows(TokenVerificationException.class, () -> verifier.verify(garbage),
          garbage);
      assertFalse(e.retryAfter().isPresent(), garbage);
    }
  }

  @Test
  void withoutReachableKeysTheTokenIsNotJudged() throws Exception {
    KeyServer gone = new KeyServer();
    String token = gone.token("orders:read");
    PortcullisConfig config = gone.config().build();
    gone.close();

    TokenVerificationException e;
    try (AccessTokenVerifier stranded = AccessTokenVerifier.create(config)) {
      e = assertThrows(TokenVerificationException.class, () -> stranded.verify(token));
    }

    assertTrue(e.retryAfter().isPresent());
    assertTrue(e.getMessage().contains("keys are unavailable"), e.getMessage());
  }

  @Test
  void aDpopBoundTokenIsRefusedForItCannotShowItsProof() {
    String token = keys.token(claims -> claims.claim("cnf", java.util.Map.of("jkt", "0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I")));

    TokenVerificationException e = assertThrows(TokenVerificationException.class, () -> verifier.verify(token));

    assertFalse(e.retryAfter().isPresent());
    assertTrue(e.getMessage().contains("cnf.jkt"), e.getMessage());
  }

  @Test
  void aCertificateBoundTokenIsRefusedForItCannotShowItsCertificate() {
    String token = keys.token(claims -> claims.claim("cnf",
        java.util.Map.of("x5t#S256", "bwcK0esc3ACC3DB2Y5_lESsXE8o9ltc05O89jdN-dg2")));

    TokenVerificationException e = assertThrows(TokenVerificationException.class, () -> verifier.verify(token));

    assertFalse(e.retryAfter().isPresent());
    assertTrue(e.getMessage().contains("cnf.x5t#S256"), e.getMessage());
  }

  @Test
  void aNullTokenIsAProgrammingError() {
    assertThrows(NullPointerException.class, () -> verifier.verify(null));
  }
}
