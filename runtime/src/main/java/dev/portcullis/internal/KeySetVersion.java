package dev.portcullis.internal;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.util.List;

/**
 * A number that moves whenever the content of the issuer's key set changes: a key added,
 * removed or replaced. Tokens remembered under an older number are verified again, so a key
 * that disappears from the JWKS stops vouching for cached tokens as soon as the new set is
 * fetched. Fetching the same keys again (a routine refresh) does not move it.
 *
 * <p>Thread-safe. {@link #current()} is one volatile read, cheap enough for every request.
 */
final class KeySetVersion {
  private volatile long current;
  private List<JWK> lastKeys;

  /** The version of the key set last fetched; {@code 0} before the first fetch. */
  long current() {
    return current;
  }

  /** Wraps the source that actually fetches keys so that each fetched set is observed. */
  JWKSetSource<SecurityContext> tracking(JWKSetSource<SecurityContext> fetcher) {
    return new Tracking(fetcher);
  }

  synchronized void observe(JWKSet fetched) {
    List<JWK> keys = fetched.getKeys();
    if (lastKeys == null || !lastKeys.equals(keys)) {
      lastKeys = List.copyOf(keys);
      current = current + 1;
    }
  }

  private final class Tracking implements JWKSetSource<SecurityContext> {
    private final JWKSetSource<SecurityContext> fetcher;

    Tracking(JWKSetSource<SecurityContext> fetcher) {
      this.fetcher = fetcher;
    }

    @Override
    public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refresh, long currentTime, SecurityContext context)
        throws KeySourceException {
      JWKSet fetched = fetcher.getJWKSet(refresh, currentTime, context);
      observe(fetched);
      return fetched;
    }

    @Override
    public void close() throws IOException {
      fetcher.close();
    }
  }
}
