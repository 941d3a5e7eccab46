package dev.portcullis.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Exponential backoff with jitter between token request attempts. */
class RetryBackoffTest {
  private final RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(200));

  @Test
  void delayDoublesPerAttemptWithinHalfToFullOfTheCeiling() {
    for (int i = 0; i < 200; i++) {
      long first = backoff.delayAfter(1).toMillis();
      long third = backoff.delayAfter(3).toMillis();
      assertTrue(first >= 100 && first <= 200, "after attempt 1: " + first);
      assertTrue(third >= 400 && third <= 800, "after attempt 3: " + third);
    }
  }

  @Test
  void delaysAreJitteredSoClientsDoNotRetryInLockstep() {
    Set<Long> delays = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      delays.add(backoff.delayAfter(2).toMillis());
    }
    assertTrue(delays.size() > 10, "distinct delays: " + delays);
  }

  @Test
  void delayIsCappedAtThirtySeconds() {
    assertTrue(backoff.delayAfter(40).compareTo(Duration.ofSeconds(30)) <= 0);
  }

  @Test
  void zeroBackoffNeverWaits() {
    assertEquals(Duration.ZERO, new RetryBackoff(Duration.ZERO).delayAfter(3));
  }
}
