package dev.portcullis.internal.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.RSAKey;
import dev.portcullis.internal.keys.RefetchBudget;
import dev.portcullis.testing.CapturedLog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How many key set fetches unknown kids cause, and how long they can keep a rotated-in key
 * out, counted on a clock the test moves: no test here waits or measures speed.
 */
class RefetchBudgetTest {
  private final TestKeys keys = new TestKeys();
  private final TokenVerifier verifier = keys.verifier(TestKeys.config().tokenCacheSize(0).build());

  /** Tokens signed by k2 under kids the key set never had. */
  private List<String> madeUpKids(int count) {
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      tokens.add(keys.token(new RSAKey.Builder(TestKeys.K2).keyID("made-up-" + i).build(), c -> { }));
    }
    return tokens;
  }

  private void flood(List<String> tokens) {
    for (String token : tokens) {
      assertThrows(TokenRejectedException.class, () -> verifier.verify(token));
    }
  }

  @Test
  void firstRefetchForAnUnknownKidHappensAtOnce() throws Exception {
    verifier.verify(keys.token());
    flood(madeUpKids(1));
    keys.publish(TestKeys.K1, TestKeys.K2);
    verifier.verify(keys.token(TestKeys.K2, c -> { }));
    assertEquals(3, keys.fetches.get(), "load, the made-up kid's refetch, the rotated-in kid's refetch");
  }

  @Test
  void unknownKidBeyondTheBudgetIsRejectedAsAnUnknownKeyAndLoggedWithoutNull() throws Exception {
    try (CapturedLog log = new CapturedLog(TokenChecks.class.getName())) {
      verifier.verify(keys.token());
      String answer = null;
      for (String token : madeUpKids(RefetchBudget.CAPACITY + 1)) {
        answer = assertThrows(TokenRejectedException.class, () -> verifier.verify(token)).getMessage();
      }
      assertEquals(RefetchBudget.CAPACITY, keys.fetches.get(), "the last made-up kid fetched nothing");
      assertEquals("The token is signed with a key that is not in the authorization server's key set, which was"
          + " fetched again moments ago.", answer);
      List<String> logged = log.lines();
      assertTrue(logged.stream().anyMatch(line -> line.contains("without fetching the set again")), "" + logged);
      assertTrue(logged.stream().noneMatch(line -> line.contains("null")), "" + logged);
    }
  }

  @Test
  void floodOfMadeUpKidsFetchesAtMostTheBudgetInAMinute() throws Exception {
    verifier.verify(keys.token());
    List<String> madeUp = madeUpKids(20);
    for (int second = 0; second < 60; second++) {
      flood(madeUp);
      keys.clock.advanceSeconds(1);
    }
    int refetches = keys.fetches.get() - 1;
    long bound = RefetchBudget.CAPACITY + 60 / RefetchBudget.REFILL.toSeconds();
    assertTrue(refetches <= bound, "1,200 made-up kids in a minute made " + refetches + " fetches, bound " + bound);
    assertTrue(refetches >= 60 / RefetchBudget.REFILL.toSeconds(), "the budget refills: " + refetches);
  }

  @Test
  void floodOfMadeUpKidsDelaysARotatedInKeyByAtMostOneRefill() throws Exception {
    verifier.verify(keys.token());
    List<String> madeUp = madeUpKids(20);
    for (int second = 0; second < 30; second++) {
      keys.clock.advanceSeconds(1);
      flood(madeUp);
    }
    keys.publish(TestKeys.K1, TestKeys.K2); // just after the flood spent the budget
    String rotatedIn = keys.token(TestKeys.K2, c -> { });
    long waited = 0;
    while (!accepted(rotatedIn)) {
      flood(madeUp);
      keys.clock.advanceSeconds(1);
      waited++;
      assertTrue(waited <= 60, "the rotated-in key is still refused after a minute");
    }
    assertTrue(waited <= RefetchBudget.REFILL.toSeconds(), "refused for " + waited + " s");
  }

  private boolean accepted(String token) throws KeysUnavailableException {
    try {
      verifier.verify(token);
      return true;
    } catch (TokenRejectedException e) {
      return false;
    }
  }
}
