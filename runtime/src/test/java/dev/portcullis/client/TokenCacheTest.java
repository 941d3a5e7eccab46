package dev.portcullis.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testing.MutableClock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The cache stays bounded when many subjects come and go. */
class TokenCacheTest {
  private final MutableClock clock = new MutableClock();
  private final AtomicInteger fetches = new AtomicInteger();
  private final TokenCache cache = new TokenCache(clock, Duration.ofSeconds(60), null,
      (scopes, refreshTokens, subject) -> new IssuedTokens(AccessToken.of(
          "token-" + fetches.incrementAndGet(), "Bearer", clock.instant().plusSeconds(300),
          scopes), null, Duration.ofSeconds(300)));

  private static SuppliedSubject subject(int number) {
    return SuppliedSubject.of("subject-" + number, null, "test", "subject-" + number);
  }

  @Test
  void expiredSlotsOfPastSubjectsAreDroppedOnceTheCacheIsLarge() {
    for (int i = 0; i < TokenCache.SWEEP_ABOVE; i++) {
      cache.slot(Set.of(), subject(i)).token(false, subject(i));
    }
    assertEquals(TokenCache.SWEEP_ABOVE, cache.size());

    clock.advance(Duration.ofSeconds(301));
    cache.slot(Set.of(), subject(-1)).token(false, subject(-1));

    assertEquals(1, cache.size());
  }

  @Test
  void liveSlotsAreKeptWhenTheCacheIsSwept() {
    for (int i = 0; i < TokenCache.SWEEP_ABOVE; i++) {
      cache.slot(Set.of(), subject(i)).token(false, subject(i));
    }

    cache.slot(Set.of(), subject(-1)).token(false, subject(-1));

    assertEquals(TokenCache.SWEEP_ABOVE + 1, cache.size());
    assertTrue(fetches.get() > TokenCache.SWEEP_ABOVE);
  }

  @Test
  void sameSubjectAndScopesShareOneSlot() {
    TokenCache.Slot first = cache.slot(Set.of("a", "b"), subject(1));

    assertEquals(first, cache.slot(Set.of("b", "a"), subject(1)));
    assertTrue(first != cache.slot(Set.of("a", "b"), subject(2)));
    assertTrue(first != cache.slot(Set.of("a", "b"), null));
  }
}
