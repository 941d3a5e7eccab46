package dev.portcullis.internal.keys;

import java.io.Closeable;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Loads the issuer's key set in the background, so that no request waits for the
 * authorization server: the first attempt starts with the application, and a failed one is
 * tried again a backoff after it failed (from 250 ms, doubling up to a minute), for as long as
 * it takes. An attempt finds the JWKS URL through the issuer's metadata when it is not
 * configured, then loads the set into the key cache; once one has succeeded, every lookup goes
 * straight to that cache, whose refreshes and refetches happen as before.
 *
 * <p>Until then a lookup fails at once with {@link NotLoaded}, which says when the next
 * attempt is due; the token gets 503 with {@code Retry-After}. The one exception is the very
 * first attempt: a request that arrives while it runs waits for it, at most {@code grace}, so
 * requests that race the application's startup are not refused for nothing.
 *
 * <p>Thread-safe. Attempts never overlap: each one schedules the next only when it failed, and
 * none after {@link #close()}.
 */
public final class KeySetLoader implements JWKSource<SecurityContext>, Closeable {
  private static final System.Logger LOG = System.getLogger(KeySetLoader.class.getName());

  /** One attempt to load the keys. */
  interface Attempt {
    /**
     * Loads the key set into the key cache.
     *
     * @return the source to read keys from from now on
     * @throws Exception with a message saying why, for the log
     */
    JWKSource<SecurityContext> load() throws Exception;
  }

  /** Runs an attempt after a delay, on a background thread. */
  interface Scheduler {
    void schedule(Runnable task, Duration delay);
  }

  private final Attempt attempt;
  private final Clock clock;
  private final Scheduler scheduler;
  private final Duration firstBackoff;
  private final Duration maxBackoff;
  private final Duration grace;
  private final Runnable stop;
  private final CountDownLatch firstAttemptDone = new CountDownLatch(1);

  private volatile JWKSource<SecurityContext> keys;
  private volatile boolean closed;
  private Duration backoff;
  private long nextAttemptMillis;

  KeySetLoader(Attempt attempt, Clock clock, Scheduler scheduler, Duration firstBackoff, Duration maxBackoff,
      Duration grace) {
    this(attempt, clock, scheduler, firstBackoff, maxBackoff, grace, () -> {});
  }

  /** @param stop stops the background work: what {@link #close()} runs */
  KeySetLoader(Attempt attempt, Clock clock, Scheduler scheduler, Duration firstBackoff, Duration maxBackoff,
      Duration grace, Runnable stop) {
    this.stop = stop;
    this.attempt = attempt;
    this.clock = clock;
    this.scheduler = scheduler;
    this.firstBackoff = firstBackoff;
    this.maxBackoff = maxBackoff;
    this.grace = grace;
    this.backoff = firstBackoff;
  }

  /**
   * Stops loading and refreshing the keys: the issuer's background thread ends. Keys loaded
   * before are still served until they expire from the cache; none are fetched again.
   */
  @Override
  public void close() {
    closed = true;
    stop.run();
  }

  /** Schedules the first attempt, to run at once. */
  KeySetLoader start() {
    scheduler.schedule(this::tryLoading, Duration.ZERO);
    return this;
  }

  @Override
  public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
    JWKSource<SecurityContext> loaded = keys;
    if (loaded == null) {
      loaded = afterFirstAttempt();
    }
    return loaded.get(selector, context);
  }

  private JWKSource<SecurityContext> afterFirstAttempt() throws NotLoaded {
    try {
      firstAttemptDone.await(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    JWKSource<SecurityContext> loaded = keys;
    if (loaded == null) {
      throw new NotLoaded(retryAfter());
    }
    return loaded;
  }

  /** How long until the next attempt ends, as far as can be told: at least a second. */
  synchronized Duration retryAfter() {
    return Duration.ofMillis(Math.max(1000, nextAttemptMillis - clock.millis()));
  }

  private void tryLoading() {
    try {
      keys = attempt.load();
      synchronized (this) {
        backoff = firstBackoff;
      }
    } catch (Exception | LinkageError e) {
      if (closed) {
        return; // the application stopped meanwhile, which is likely why the attempt failed
      }
      Duration delay;
      synchronized (this) {
        delay = backoff;
        nextAttemptMillis = clock.millis() + delay.toMillis(); // taken after the failure, not before the attempt
        Duration doubled = backoff.multipliedBy(2);
        backoff = doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
      }
      LOG.log(System.Logger.Level.WARNING, "Portcullis could not load the issuer''s signing keys, so requests"
          + " with tokens are answered 503 until it can; trying again in {0} ms. {1}{2}", delay.toMillis(),
          describe(e), TrustedAuthorities.hint(e, "tls-trusted-certificates"));
      scheduler.schedule(this::tryLoading, delay);
    } finally {
      firstAttemptDone.countDown();
    }
  }

  /** The messages of {@code e} and its causes; a class name where there is none, never "null". */
  public static String describe(Throwable e) {
    List<String> parts = new ArrayList<>();
    for (Throwable t = e; t != null && parts.size() < 5; t = t.getCause()) {
      String message = t.getMessage();
      parts.add(message == null || message.isBlank() ? t.getClass().getSimpleName() : message);
    }
    return String.join("; caused by: ", parts);
  }

  /** The key set has not been loaded yet; {@link #retryAfter()} says when to try again. */
  public static final class NotLoaded extends KeySourceException {
    private static final long serialVersionUID = 1L;
    private final transient Duration retryAfter;

    NotLoaded(Duration retryAfter) {
      super("The issuer's signing keys have not been loaded yet.");
      this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
      return retryAfter;
    }
  }
}
