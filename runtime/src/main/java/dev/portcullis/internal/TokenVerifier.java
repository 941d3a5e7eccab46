package dev.portcullis.internal;

import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.portcullis.PortcullisConfig;
import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * Verifies JWT access tokens for one configuration (one issuer, one audience): a token over
 * the configured size is refused unread; a token seen before is answered from the {@link
 * TokenCache}, which still checks {@code exp}, {@code nbf} and that the issuer's keys have not
 * changed; any other token gets the full {@link TokenChecks}. Built once and shared by all
 * requests (thread-safe).
 *
 * <p>Failure semantics: {@link #verify} throws {@link TokenRejectedException} for every token
 * it does not accept, including when keys cannot be fetched; it never throws a runtime
 * exception for token input. Nothing here logs token content.
 */
public final class TokenVerifier {
  private final KeySetVersion keySetVersion = new KeySetVersion();
  private final TokenChecks checks;
  private final TokenCache cache;
  private final int maxTokenSize;
  private final String tooLarge;

  /** Configures verification; fetches nothing until the first token arrives. */
  public TokenVerifier(PortcullisConfig config) {
    this(config, null, Clock.systemUTC(), null);
  }

  /**
   * For tests and benchmarks.
   *
   * @param keys the key set to serve instead of fetching the configured one, or {@code null}
   * @param cacheMaintenance where the cache runs evictions, or {@code null} for Caffeine's pool
   */
  TokenVerifier(PortcullisConfig config, JWKSetSource<SecurityContext> keys, Clock clock, Executor cacheMaintenance) {
    JWKSource<SecurityContext> source = keys == null ? IssuerKeys.configured(config, keySetVersion)
        : IssuerKeys.cached(keys, keySetVersion);
    this.checks = new TokenChecks(config, source, clock);
    this.cache = TokenCache.create(config.tokenCacheSize(), config.clockSkew(), clock, cacheMaintenance);
    this.maxTokenSize = config.maxTokenSize();
    this.tooLarge = "The token is larger than the " + maxTokenSize + " bytes this API accepts.";
  }

  /**
   * Verifies {@code token}.
   *
   * @throws TokenRejectedException with a description safe to send to the client
   */
  VerifiedToken verify(String token) throws TokenRejectedException {
    // A b64token is ASCII, so its length is its size in bytes. Checked before the cache is
    // asked, so an oversized token is neither hashed nor compared, parsed nor verified.
    if (token.length() > maxTokenSize) {
      throw new TokenRejectedException(tooLarge);
    }
    long before = keySetVersion.current();
    VerifiedToken known = cache.find(token, before);
    if (known != null) {
      return known;
    }
    VerifiedToken verified = checks.verify(token);
    long after = keySetVersion.current();
    // If keys were fetched meanwhile, the check may have used either set: remember the token
    // only when there was one set it can have used (the first fetch counts as that).
    if (after == before || (before == 0 && after == 1)) {
      cache.remember(token, verified, after);
    }
    return verified;
  }

  /** For tests: how many tokens the cache holds. */
  long cachedTokens() {
    return cache.size();
  }
}
