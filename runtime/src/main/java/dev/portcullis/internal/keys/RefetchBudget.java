package dev.portcullis.internal.keys;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetSourceWrapper;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.time.Duration;

/**
 * How often the key set may be fetched: a token bucket of {@value #CAPACITY} fetches, one more
 * every {@link #REFILL}. It sits where Nimbus' {@code JWKSourceBuilder} puts its {@code
 * RateLimitedJWKSetSource}, below the key cache, so only real fetches spend it: the first
 * load, the refresh ahead of expiry and the refetch for an unknown {@code kid}.
 *
 * <p>Why not Nimbus' limiter: it allows two fetches per fixed 30 s window, so one token with a
 * made-up {@code kid} spends the refetch a real key rotation needs, and tokens signed with a
 * rotated-in key are refused for up to 30 s. With the bucket a quiet key set always has a
 * fetch in hand, so the first refetch for an unknown {@code kid} happens at once; a flood of
 * made-up {@code kid}s gets at most {@value #CAPACITY} fetches at once and then one every
 * {@link #REFILL} (ten a minute), and since any fetch brings the rotated-in key as well, it
 * delays a real rotation by at most {@link #REFILL}.
 *
 * <p>Failure semantics: a fetch beyond the budget throws {@link Spent} without contacting the
 * authorization server; the key cache keeps its set.
 */
public final class RefetchBudget extends JWKSetSourceWrapper<SecurityContext> {
  public static final int CAPACITY = 3;
  public static final Duration REFILL = Duration.ofSeconds(6);

  private final Clock clock;
  private final long refillMillis;
  private int permits = CAPACITY;
  private long refilledAt;

  RefetchBudget(JWKSetSource<SecurityContext> source, Clock clock) {
    super(source);
    this.clock = clock;
    this.refillMillis = REFILL.toMillis();
    this.refilledAt = clock.millis();
  }

  @Override
  public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refresh, long currentTime, SecurityContext context)
      throws KeySourceException {
    long waitMillis = take(clock.millis());
    if (waitMillis > 0) {
      throw new Spent(waitMillis);
    }
    return getSource().getJWKSet(refresh, currentTime, context);
  }

  /** Takes a permit and returns 0, or returns how long until the next permit. */
  private synchronized long take(long now) {
    if (now < refilledAt) {
      refilledAt = now; // the clock went back: restart the refill from here
    }
    long earned = (now - refilledAt) / refillMillis;
    if (earned > 0) {
      permits = (int) Math.min(CAPACITY, permits + earned);
      refilledAt += earned * refillMillis;
    }
    if (permits == CAPACITY) {
      refilledAt = now; // a full bucket earns nothing; the refill starts with the next fetch
    }
    if (permits == 0) {
      return Math.max(1, refilledAt + refillMillis - now);
    }
    permits--;
    return 0;
  }

  /** The budget is spent: no fetch was made. The message says when the next one is possible. */
  public static final class Spent extends KeySourceException {
    private static final long serialVersionUID = 1L;

    Spent(long waitMillis) {
      super("The key set was fetched " + CAPACITY + " times in the last " + (CAPACITY * REFILL.toSeconds())
          + " s or less; the next fetch is possible in " + ((waitMillis + 999) / 1000) + " s.");
    }
  }
}
