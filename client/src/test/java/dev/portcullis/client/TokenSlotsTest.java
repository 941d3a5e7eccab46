package dev.portcullis.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The cache stays bounded when many subjects come and go. */
class TokenSlotsTest {
  private final MutableClock clock = new MutableClock();
  private final AtomicInteger fetches = new AtomicInteger();
  private final List<String> refreshedWith = new CopyOnWriteArrayList<>();
  private volatile boolean issueRefreshTokens;
  private final TokenSlots cache = new TokenSlots(clock, Duration.ofSeconds(60), null,
      (scopes, refreshTokens, subject) -> {
        IssuedTokens refreshed = refreshTokens.refresh(refreshToken -> {
          refreshedWith.add(refreshToken);
          return issue(scopes);
        }, false);
        if (refreshed != null) {
          return refreshed;
        }
        IssuedTokens issued = issue(scopes);
        refreshTokens.restart(issued, false);
        return issued;
      });

  private IssuedTokens issue(Set<String> scopes) {
    int number = fetches.incrementAndGet();
    return new IssuedTokens(AccessToken.of("token-" + number, "Bearer",
        clock.instant().plusSeconds(300), scopes), issueRefreshTokens ? "refresh-" + number
        : null, Duration.ofSeconds(300));
  }

  private static SuppliedSubject subject(int number) {
    return SuppliedSubject.of("subject-" + number, null, "test", "subject-" + number);
  }

  private AccessToken token(int subject) {
    return cache.slot(Set.of(), subject(subject)).token(false, subject(subject));
  }

  @Test
  void slotIsDroppedWhenItsTokenExpiresAndItHoldsNoRefreshToken() {
    for (int i = 0; i < 10; i++) {
      token(i);
    }
    assertEquals(10, cache.size());

    clock.advance(Duration.ofSeconds(300));

    assertEquals(0, cache.size());
  }

  @Test
  void slotHoldingARefreshTokenOutlivesItsAccessToken() {
    issueRefreshTokens = true;
    token(1);

    clock.advance(Duration.ofSeconds(3_600));

    assertEquals(1, cache.size());
    assertEquals("token-2", token(1).value());
    assertEquals(List.of("refresh-1"), refreshedWith);
  }

  @Test
  void slotsOfManySubjectsWithRefreshTokensAreBounded() {
    issueRefreshTokens = true;
    for (int i = 0; i < 2 * TokenSlots.MAX_SLOTS; i++) {
      token(i);
    }

    assertTrue(cache.size() <= TokenSlots.MAX_SLOTS, "slots: " + cache.size());
  }

  @Test
  void liveSlotsAreKeptAndServedFromTheCache() {
    for (int i = 0; i < 100; i++) {
      token(i);
    }
    clock.advance(Duration.ofSeconds(200));

    assertEquals("token-42", token(41).value());
    assertEquals(100, cache.size());
    assertEquals(100, fetches.get());
  }

  @Test
  void sameSubjectAndScopesShareOneSlot() {
    TokenSlots.Slot first = cache.slot(Set.of("a", "b"), subject(1));

    assertSame(first, cache.slot(Set.of("b", "a"), subject(1)));
    assertNotSame(first, cache.slot(Set.of("a", "b"), subject(2)));
    assertNotSame(first, cache.slot(Set.of("a", "b"), null));
  }
}
