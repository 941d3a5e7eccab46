package dev.portcullis.internal.verification;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.portcullis.PortcullisConfig;
import dev.portcullis.TokenPrincipal;
import java.time.Clock;

/**
 * Portcullis' own {@link TokenVerifier}, exactly as the runtime builds it, but with keys from
 * an in-memory JWKS instead of a URL, so it is measured on the same footing as the libraries
 * it is compared with. Lives in the runtime's verification package to reach the
 * package-private constructor that takes those keys; it is part of the benchmarks, not of the
 * runtime.
 */
public final class BenchmarkVerifier {
  private final TokenVerifier verifier;

  private BenchmarkVerifier(TokenVerifier verifier) {
    this.verifier = verifier;
  }

  /** A verifier for {@code config} that takes its keys from {@code keys}. */
  public static BenchmarkVerifier create(PortcullisConfig config, JWKSet keys) {
    JWKSetSource<SecurityContext> inMemory = new JWKSetSource<>() {
      @Override
      public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refresh, long currentTime, SecurityContext context) {
        return keys;
      }

      @Override
      public void close() {}
    };
    return new BenchmarkVerifier(new TokenVerifier(config, inMemory, Clock.systemUTC(), null));
  }

  /**
   * The verified token.
   *
   * @throws Exception (a {@code TokenRejectedException}) when the token is rejected
   */
  public TokenPrincipal verify(String token) throws Exception {
    return verifier.verify(token);
  }
}
