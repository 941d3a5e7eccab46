package dev.portcullis.benchmarks;

import com.nimbusds.jose.jwk.JWKSet;
import dev.portcullis.AccessTokenVerifier;
import dev.portcullis.PortcullisConfig;
import dev.portcullis.TrustedIssuer;

/** Builds the Portcullis verifier under test, and proves each verifier is really checking. */
final class Verifiers {
  private Verifiers() {}

  /** Accepts a token, or returns false / throws when it does not. */
  interface Check {
    boolean accepts(String token) throws Exception;
  }

  /**
   * Portcullis' verifier through its public API, with its keys from {@code jwks}: fetched once
   * when it starts, then held in memory like every other verifier's here. With two {@code
   * issuers} it trusts a second one too (its keys from the same JWKS; no token names it), so
   * that each token's {@code iss} selects its issuer first.
   */
  static AccessTokenVerifier portcullis(JwksServer jwks, int cacheSize, int issuers) {
    PortcullisConfig.Builder config = PortcullisConfig.builder()
        .audience(TokenFixture.AUDIENCE)
        .tokenCacheSize(cacheSize);
    if (issuers == 1) {
      config.issuer(TokenFixture.ISSUER).jwksUri(jwks.uri());
    } else {
      config.trustedIssuer(TrustedIssuer.builder(TokenFixture.ISSUER).jwksUri(jwks.uri()).build())
          .trustedIssuer(TrustedIssuer.builder("https://partners.example.com").jwksUri(jwks.uri()).build());
    }
    return AccessTokenVerifier.create(config.build());
  }

  /**
   * Fails the benchmark unless {@code check} accepts the good tokens and rejects a tampered
   * one: a verifier that accepts everything must not be able to look fast.
   */
  static void check(String name, Check check, VerificationBenchmark.Tokens tokens) {
    try {
      if (!check.accepts(tokens.good) || !check.accepts(tokens.pool[0])) {
        throw new IllegalStateException(name + " rejected a valid token.");
      }
    } catch (Exception e) {
      throw new IllegalStateException(name + " rejected a valid token.", e);
    }
    boolean accepted;
    try {
      accepted = check.accepts(tokens.tampered);
    } catch (Exception expected) {
      accepted = false;
    }
    if (accepted) {
      throw new IllegalStateException(name + " accepted a tampered token.");
    }
  }
}
