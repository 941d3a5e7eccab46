package dev.portcullis.internal;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * A key source that finds the JWKS URL through issuer metadata on first use, not at
 * startup, so an authorization server that is down when the application starts does not
 * stop it. Until discovery succeeds every lookup fails with a {@link KeySourceException}
 * (the request gets 401 invalid_token); failed attempts are retried with exponential
 * backoff so a down server is not hammered.
 */
final class DiscoveredKeySource implements JWKSource<SecurityContext> {
  private static final System.Logger LOG = System.getLogger(DiscoveredKeySource.class.getName());

  private final IssuerMetadata metadata;
  private final Function<URI, JWKSource<SecurityContext>> keySets;
  private final Clock clock;
  private final Duration firstBackoff;
  private final Duration maxBackoff;

  private volatile JWKSource<SecurityContext> keys;
  private Duration backoff;
  private long nextAttemptMillis;

  DiscoveredKeySource(IssuerMetadata metadata, Function<URI, JWKSource<SecurityContext>> keySets,
      Clock clock, Duration firstBackoff, Duration maxBackoff) {
    this.metadata = metadata;
    this.keySets = keySets;
    this.clock = clock;
    this.firstBackoff = firstBackoff;
    this.maxBackoff = maxBackoff;
    this.backoff = firstBackoff;
  }

  @Override
  public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
    JWKSource<SecurityContext> current = keys;
    if (current == null) {
      current = discover();
    }
    return current.get(selector, context);
  }

  private synchronized JWKSource<SecurityContext> discover() throws KeySourceException {
    if (keys != null) {
      return keys;
    }
    long now = clock.millis();
    if (now < nextAttemptMillis) {
      throw new KeySourceException("The issuer metadata is unavailable; the next attempt is scheduled.");
    }
    try {
      URI jwksUri = metadata.jwksUri();
      keys = keySets.apply(jwksUri);
      backoff = firstBackoff;
      LOG.log(System.Logger.Level.INFO, "Portcullis found the signing keys of the issuer at {0}.", jwksUri);
      return keys;
    } catch (IOException | RuntimeException e) {
      nextAttemptMillis = now + backoff.toMillis();
      LOG.log(System.Logger.Level.WARNING, "Portcullis could not read the issuer metadata, so tokens are rejected"
          + " until it can; retrying in {0} ms. {1}", backoff.toMillis(), e.getMessage());
      Duration doubled = backoff.multipliedBy(2);
      backoff = doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
      throw new KeySourceException("The issuer metadata is unavailable.", e);
    }
  }
}
