package dev.portcullis.internal.keys;

import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
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
import dev.portcullis.TrustedIssuer;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * Where the signing keys come from: the configured JWKS URL, or the one found through the
 * issuer's metadata. A {@link KeySetLoader} loads them in the background, starting at once.
 *
 * <p>The set goes through Nimbus' own key set sources, stacked as {@link JWKSourceBuilder}
 * stacks them with its defaults: a cache of {@link JWKSourceBuilder#DEFAULT_CACHE_TIME_TO_LIVE
 * 5 minutes}, refreshed ahead of expiry on a timer (so an idle application still has fresh
 * keys, and no request waits for a refresh), a refetch on an unknown kid, one retry of a
 * failed fetch, and the last good set served through an outage of up to ten times the cache's
 * life. Two things differ: the fetches are limited by a {@link RefetchBudget} instead of
 * Nimbus' fixed-window limiter, which the builder offers no way to replace, hence the stack
 * built here; and fetches never follow redirects ({@link KeySetRetriever}). Every real fetch
 * passes through {@link KeySetVersion}, so a change of keys is noticed where it happens.
 *
 * <p>Each issuer has one daemon thread, {@code portcullis-keys}, for the loading and the
 * refreshes; closing the source the loading methods return ends it.
 */
public final class IssuerKeys {
  private static final System.Logger LOG = System.getLogger(IssuerKeys.class.getName());
  private static final int MAX_JWKS_BYTES = 512 * 1024;
  private static final long CACHE_MILLIS = JWKSourceBuilder.DEFAULT_CACHE_TIME_TO_LIVE;
  private static final long OUTAGE_MILLIS = 10 * CACHE_MILLIS;
  static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
  static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
  /** How long a request may wait for the very first attempt, which starts with the application. */
  static final Duration FIRST_ATTEMPT_GRACE = Duration.ofSeconds(2);

  private IssuerKeys() {}

  /**
   * The key source of {@code issuer}, one of {@code config}'s, loading in the background from
   * now on on a thread of its own. The metadata and the key set are fetched over {@code tls}
   * ({@link TrustedAuthorities}), or the JDK's default TLS when it is {@code null}.
   */
  public static JWKSource<SecurityContext> configured(PortcullisConfig config, TrustedIssuer issuer,
      KeySetVersion version, SSLContext tls) {
    int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, config.httpTimeout().toMillis());
    Clock clock = Clock.systemUTC();
    ScheduledExecutorService executor = backgroundThread();
    Function<URI, JWKSource<SecurityContext>> fromUrl =
        uri -> fromUrl(uri, timeoutMillis, tls, version, clock, executor);
    KeySetLoader.Attempt attempt;
    if (issuer.jwksUri().isPresent()) {
      JWKSource<SecurityContext> keys = fromUrl.apply(issuer.jwksUri().get());
      attempt = () -> load(keys);
    } else {
      IssuerMetadata metadata =
          new IssuerMetadata(issuer.issuer().orElseThrow(), config.httpTimeout(), config.httpTimeout(), tls);
      attempt = discovering(() -> jwksUri(metadata, config.allowInsecureHttp()), fromUrl);
    }
    return loading(attempt, clock, executor);
  }

  /**
   * Keys from {@code fetcher} (tests and benchmarks hold them in memory), cached and loaded
   * like fetched ones; {@code clock} times the {@link RefetchBudget}.
   */
  public static JWKSource<SecurityContext> inMemory(JWKSetSource<SecurityContext> fetcher, KeySetVersion version,
      Clock clock) {
    ScheduledExecutorService executor = backgroundThread();
    JWKSource<SecurityContext> keys = cached(fetcher, version, clock, executor);
    return loading(() -> load(keys), Clock.systemUTC(), executor);
  }

  /** Keys from {@code fetcher}, cached, loaded by the first lookup (for tests of the key checks). */
  public static JWKSource<SecurityContext> cached(JWKSetSource<SecurityContext> fetcher, KeySetVersion version,
      Clock clock) {
    return cached(fetcher, version, clock, backgroundThread());
  }

  /**
   * An attempt that finds the JWKS URL through {@code metadata}, once, and loads the keys
   * from there; a failed discovery is tried again by the next attempt.
   */
  /** Where the issuer's keys are, from its metadata. */
  interface KeySetLocation {
    URI jwksUri() throws IOException;
  }

  /**
   * The {@code jwks_uri} of the issuer's metadata, if the resource server may fetch it: https,
   * or plain http on a loopback host or when allowed.
   *
   * @throws IOException saying why there is none; never contains secrets (metadata is public)
   */
  static URI jwksUri(IssuerMetadata metadata, boolean allowInsecureHttp) throws IOException {
    IssuerMetadata.Document document = metadata.fetch();
    String where = "No usable metadata for issuer " + document.issuer() + ": " + document.location() + ": ";
    URI jwksUri;
    try {
      jwksUri = document.uri("jwks_uri")
          .orElseThrow(() -> new IOException("the metadata has no jwks_uri."));
    } catch (IOException e) {
      throw new IOException(where + e.getMessage(), e);
    }
    if (!UrlPolicy.isAllowed(jwksUri, allowInsecureHttp)) {
      throw new IOException(where + "the metadata's jwks_uri " + jwksUri + " is not https (plain http is"
          + " allowed only for loopback hosts unless portcullis.allow-insecure-http=true).");
    }
    return jwksUri;
  }

  static KeySetLoader.Attempt discovering(KeySetLocation metadata, Function<URI, JWKSource<SecurityContext>> keySets) {
    return new KeySetLoader.Attempt() {
      private JWKSource<SecurityContext> keys;

      @Override
      public JWKSource<SecurityContext> load() throws Exception {
        if (keys == null) {
          URI jwksUri = metadata.jwksUri();
          keys = keySets.apply(jwksUri);
          LOG.log(System.Logger.Level.INFO, "Portcullis found the signing keys of the issuer at {0}.", jwksUri);
        }
        return IssuerKeys.load(keys);
      }
    };
  }

  /** Loads the key set into {@code keys}' cache and returns it; throws what the fetch threw. */
  private static JWKSource<SecurityContext> load(JWKSource<SecurityContext> keys) throws Exception {
    keys.get(new JWKSelector(new JWKMatcher.Builder().build()), null);
    return keys;
  }

  private static JWKSource<SecurityContext> loading(KeySetLoader.Attempt attempt, Clock clock,
      ScheduledExecutorService executor) {
    return new KeySetLoader(attempt, clock,
        (task, delay) -> executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS),
        FIRST_BACKOFF, MAX_BACKOFF, FIRST_ATTEMPT_GRACE, executor::shutdownNow).start();
  }

  private static JWKSource<SecurityContext> cached(JWKSetSource<SecurityContext> fetcher, KeySetVersion version,
      Clock clock, ScheduledExecutorService executor) {
    JWKSetSource<SecurityContext> source = new RetryingJWKSetSource<>(version.tracking(fetcher), null);
    source = new OutageTolerantJWKSetSource<>(source, OUTAGE_MILLIS, null);
    source = new RefetchBudget(source, clock);
    source = new RefreshAheadCachingJWKSetSource<>(source, CACHE_MILLIS,
        JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT, JWKSourceBuilder.DEFAULT_REFRESH_AHEAD_TIME,
        executor, false, null, executor, false);
    return new JWKSetBasedJWKSource<>(source);
  }

  private static JWKSource<SecurityContext> fromUrl(URI uri, int timeoutMillis, SSLContext tls, KeySetVersion version,
      Clock clock, ScheduledExecutorService executor) {
    try {
      return cached(new URLBasedJWKSetSource<>(uri.toURL(), new KeySetRetriever(timeoutMillis, MAX_JWKS_BYTES, tls)),
          version, clock, executor);
    } catch (MalformedURLException e) {
      throw new IllegalStateException("The JWKS URL " + uri + " is not a valid URL; check portcullis.jwks-uri.", e);
    }
  }

  /** One daemon thread for an issuer's loading and refreshes; it never keeps the JVM alive. */
  private static ScheduledExecutorService backgroundThread() {
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, "portcullis-keys");
      thread.setDaemon(true);
      return thread;
    });
    executor.setRemoveOnCancelPolicy(true); // each load reschedules the refresh, cancelling the last one
    return executor;
  }
}
