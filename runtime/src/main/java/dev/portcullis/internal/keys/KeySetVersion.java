package dev.portcullis.internal.keys;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A number that moves whenever the content of the issuer's key set changes: a key added,
 * removed or replaced. Fetching the same keys again (a routine refresh) does not move it.
 *
 * <p>It also tells which version a JWK belongs to: {@link #versionOf} answers the current
 * number only for the JWK instances of the set fetched last, since a fetch parses new
 * instances and the key cache hands out those until it fetches again. A token is remembered
 * under the version of the key that actually verified it, never under the number read
 * around the check: a fetch moves the number before the key cache above it stores the new
 * set, so a check that reads the new number can still select a key from the old set, and a
 * token signed with a just-removed key would otherwise stay accepted until it expires.
 *
 * <p>Thread-safe. {@link #current()} is one volatile read, cheap enough for every request.
 */
public final class KeySetVersion {
  /** The version of a JWK that is not in the set fetched last. */
  public static final long NONE = -1;

  private volatile Fetched latest = new Fetched(0, List.of(), Set.of());

  /** The version of the key set last fetched; {@code 0} before the first fetch. */
  public long current() {
    return latest.version;
  }

  /**
   * The version of the key set {@code key} came from, or {@link #NONE} when that set is no
   * longer the one fetched last (or {@code key} was never fetched at all).
   */
  public long versionOf(JWK key) {
    Fetched fetched = latest;
    return fetched.instances.contains(key) ? fetched.version : NONE;
  }

  /** Wraps the source that actually fetches keys so that each fetched set is observed. */
  JWKSetSource<SecurityContext> tracking(JWKSetSource<SecurityContext> fetcher) {
    return new Tracking(fetcher);
  }

  public synchronized void observe(JWKSet fetched) {
    List<JWK> keys = fetched.getKeys();
    Fetched last = latest;
    long version = last.version > 0 && last.keys.equals(keys) ? last.version : last.version + 1;
    Set<JWK> instances = Collections.newSetFromMap(new IdentityHashMap<>());
    instances.addAll(keys);
    latest = new Fetched(version, List.copyOf(keys), Collections.unmodifiableSet(instances));
  }

  /** A fetched set: its version, its keys (compared by content) and their instances. */
  private record Fetched(long version, List<JWK> keys, Set<JWK> instances) {}

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
