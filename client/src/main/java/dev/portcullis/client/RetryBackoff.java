package dev.portcullis.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter between token request attempts: the n-th retry waits a
 * random time between half and all of {@code initial * 2^(n-1)}, capped at 30 seconds, so that
 * many clients recovering from one outage do not retry in lockstep. A {@code Retry-After} in
 * seconds from the server (RFC 9110 section 10.2.3) lengthens the wait.
 */
final class RetryBackoff {
  static final Duration CAP = Duration.ofSeconds(30);

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

  /** Waits before the next attempt: the backoff, or {@code atLeast} if that is longer. */
  void sleepAfter(int attempt, Duration atLeast) {
    Duration delay = delayAfter(attempt);
    try {
      Thread.sleep(Math.max(delay.toMillis(), atLeast.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TokenAcquisitionException("The token request was interrupted while waiting to"
          + " retry. No token was obtained.", e);
    }
  }

  /** The delay a {@code Retry-After} header asks for; zero if absent or an HTTP date. */
  static Duration retryAfter(String header) {
    if (header == null || !header.strip().matches("\\d{1,9}")) {
      return Duration.ZERO;
    }
    return Duration.ofSeconds(Long.parseLong(header.strip()));
  }
}
