package dev.portcullis.internal;

import com.nimbusds.jose.jwk.source.JWKSetBasedJWKSource;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.OutageTolerantJWKSetSource;
import com.nimbusds.jose.jwk.source.RefreshAheadCachingJWKSetSource;
import com.nimbusds.jose.jwk.source.RetryingJWKSetSource;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.portcullis.PortcullisConfig;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * Where the signing keys come from: the configured JWKS URL, or the one found through the
 * issuer's metadata on first use. Either way the set goes through Nimbus' own key set
 * sources, stacked as {@link JWKSourceBuilder} stacks them with its defaults: a cache of
 * {@link JWKSourceBuilder#DEFAULT_CACHE_TIME_TO_LIVE 5 minutes}, refreshed ahead of expiry, a
 * refetch on an unknown kid, one retry of a failed fetch, and the last good set served
 * through an outage of up to ten times the cache's life. One layer differs: the fetches are
 * limited by a {@link RefetchBudget} instead of Nimbus' fixed-window limiter, which the
 * builder offers no way to replace, hence the stack built here. Every real fetch passes
 * through {@link KeySetVersion}, so a change of keys is noticed where it happens.
 */
final class IssuerKeys {
  private static final int MAX_JWKS_BYTES = 512 * 1024;
  private static final long CACHE_MILLIS = JWKSourceBuilder.DEFAULT_CACHE_TIME_TO_LIVE;
  private static final long OUTAGE_MILLIS = 10 * CACHE_MILLIS;

  private IssuerKeys() {}

  /** The key source {@code config} describes; fetches nothing until first used. */
  static JWKSource<SecurityContext> configured(PortcullisConfig config, KeySetVersion version) {
    int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, config.httpTimeout().toMillis());
    Clock clock = Clock.systemUTC();
    if (config.jwksUri().isPresent()) {
      return fromUrl(config.jwksUri().get(), timeoutMillis, version, clock);
    }
    IssuerMetadata metadata = new IssuerMetadata(config.issuer().orElseThrow(), config.httpTimeout(),
        config.allowInsecureHttp());
    return new DiscoveredKeySource(metadata, uri -> fromUrl(uri, timeoutMillis, version, clock), clock,
        Duration.ofMillis(250), Duration.ofMinutes(1));
  }

  /**
   * Keys from {@code fetcher} (tests and benchmarks hold them in memory), cached like fetched
   * ones; {@code clock} times the {@link RefetchBudget}.
   */
  static JWKSource<SecurityContext> cached(JWKSetSource<SecurityContext> fetcher, KeySetVersion version,
      Clock clock) {
    JWKSetSource<SecurityContext> source = new RetryingJWKSetSource<>(version.tracking(fetcher), null);
    source = new OutageTolerantJWKSetSource<>(source, OUTAGE_MILLIS, null);
    source = new RefetchBudget(source, clock);
    source = new RefreshAheadCachingJWKSetSource<>(source, CACHE_MILLIS,
        JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT, JWKSourceBuilder.DEFAULT_REFRESH_AHEAD_TIME, false, null);
    return new JWKSetBasedJWKSource<>(source);
  }

  private static JWKSource<SecurityContext> fromUrl(URI uri, int timeoutMillis, KeySetVersion version, Clock clock) {
    try {
      return cached(new URLBasedJWKSetSource<>(uri.toURL(), new KeySetRetriever(timeoutMillis, MAX_JWKS_BYTES)),
          version, clock);
    } catch (MalformedURLException e) {
      throw new IllegalStateException("The JWKS URL " + uri + " is not a valid URL; check portcullis.jwks-uri.", e);
    }
  }
}
