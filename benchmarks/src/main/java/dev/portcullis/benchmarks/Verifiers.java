package dev.portcullis.benchmarks;

import com.nimbusds.jose.jwk.JWKSet;
import dev.portcullis.PortcullisConfig;
import dev.portcullis.internal.verification.BenchmarkVerifier;

/** Builds the Portcullis verifier under test, and proves each verifier is really checking. */
final class Verifiers {
  private Verifiers() {}

  /** Accepts a token, or returns false / throws when it does not. */
  interface Check {
    boolean accepts(String token) throws Exception;
  }

  static BenchmarkVerifier portcullis(JWKSet keys, int cacheSize) {
    return BenchmarkVerifier.create(PortcullisConfig.builder()
        .issuer(TokenFixture.ISSUER)
        .audience(TokenFixture.AUDIENCE)
        .tokenCacheSize(cacheSize)
        .build(), keys);
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
