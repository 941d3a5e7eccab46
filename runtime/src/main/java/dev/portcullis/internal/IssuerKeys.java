package dev.portcullis.internal;

import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.portcullis.PortcullisConfig;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * Where the signing keys come from: the configured JWKS URL, or the one found through the
 * issuer's metadata on first use. Either way Nimbus' {@link JWKSourceBuilder} caches the
 * set, refetches once on an unknown kid (rate limited), retries a failed fetch once and keeps
 * serving the last good set through an outage. Every real fetch passes through {@link
 * KeySetVersion}, so a change of keys is noticed where it happens.
 */
final class IssuerKeys {
  private static final int MAX_JWKS_BYTES = 512 * 1024;

  private IssuerKeys() {}

  /** The key source {@code config} describes; fetches nothing until first used. */
  static JWKSource<SecurityContext> configured(PortcullisConfig config, KeySetVersion version) {
    int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, config.httpTimeout().toMillis());
    if (config.jwksUri().isPresent()) {
      return fromUrl(config.jwksUri().get(), timeoutMillis, version);
    }
    IssuerMetadata metadata = new IssuerMetadata(config.issuer().orElseThrow(), config.httpTimeout(),
        config.allowInsecureHttp());
    return new DiscoveredKeySource(metadata, uri -> fromUrl(uri, timeoutMillis, version), Clock.systemUTC(),
        Duration.ofMillis(250), Duration.ofMinutes(1));
  }

  /** Keys from {@code fetcher} (tests and benchmarks hold them in memory), cached like fetched ones. */
  static JWKSource<SecurityContext> cached(JWKSetSource<SecurityContext> fetcher, KeySetVersion version) {
    return JWKSourceBuilder.create(version.tracking(fetcher))
        .retrying(true)
        .outageTolerant(true)
        .build();
  }

  private static JWKSource<SecurityContext> fromUrl(URI uri, int timeoutMillis, KeySetVersion version) {
    try {
      return cached(new URLBasedJWKSetSource<>(uri.toURL(),
          new KeySetRetriever(timeoutMillis, MAX_JWKS_BYTES)), version);
    } catch (MalformedURLException e) {
      throw new IllegalStateException("The JWKS URL " + uri + " is not a valid URL; check portcullis.jwks-uri.", e);
    }
  }
}
