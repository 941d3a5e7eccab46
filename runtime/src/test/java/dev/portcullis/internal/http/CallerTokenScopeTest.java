package dev.portcullis.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The caller token lives from its verification to the end of its request, on its thread only. */
class CallerTokenScopeTest {
  private final CallerTokenScope scope = new CallerTokenScope();

  @AfterEach
  void forget() {
    CallerToken.clear();
  }

  @Test
  void aNewRequestStartsWithoutTheTokenOfTheRequestBefore() {
    CallerToken.set("token-of-the-last-request");

    scope.filter(null);

    assertNull(CallerToken.current());
  }

  @Test
  void theResponseEndsTheToken() {
    CallerToken.set("token-of-this-request");

    scope.filter(null, null);

    assertNull(CallerToken.current());
  }

  @Test
  void anotherThreadNeverSeesTheToken() throws Exception {
    CallerToken.set("token-of-this-request");
    String[] seen = {"not run"};

    Thread other = new Thread(() -> seen[0] = CallerToken.current());
    other.start();
    other.join();

    assertNull(seen[0]);
    assertEquals("token-of-this-request", CallerToken.current());
  }
}
