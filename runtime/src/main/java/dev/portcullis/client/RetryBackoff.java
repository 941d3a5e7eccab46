package dev.portcullis.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter between token request attempts: the n-th retry waits a
 * random time between half and all of {@code initial * 2^(n-1)}, capped at 30 seconds, so that
 * many clients recovering from one outage do not retry in lockstep.
 */
final class RetryBackoff {
  private static final Duration CAP = Duration.ofSeconds(30);

  private final Duration initial;

  RetryBackoff(Duration initial) {
    this.initial = initial;
  }

  /** The delay before attempt {@code attempt + 1}, after {@code attempt} (1-based) failed. */
  Duration delayAfter(int attempt) {
    long ceiling = Math.min(CAP.toMillis(), initial.toMillis() << Math.min(attempt - 1, 20));
    if (ceiling <= 1) {
      return Duration.ofMillis(ceiling);
    }
    return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
  }

  void sleepAfter(int attempt) {
    try {
      Thread.sleep(delayAfter(attempt).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TokenAcquisitionException("The token request was interrupted while waiting to"
          + " retry. No token was obtained.", e);
    }
  }
}
