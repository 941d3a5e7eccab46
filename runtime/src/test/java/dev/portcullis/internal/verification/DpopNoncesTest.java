package dev.portcullis.internal.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Stateless server nonces: accepted in their period and the next, refused later, from another instance or forged. */
class DpopNoncesTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:30Z"));

  @Test
  void aNonceLivesForItsPeriodAndTheNext() {
    DpopNonces nonces = new DpopNonces(clock);
    String nonce = nonces.current();
    assertTrue(nonces.accepts(nonce));
    assertEquals(nonce, nonces.current());
    clock.advanceSeconds(60);
    assertNotEquals(nonce, nonces.current());
    assertTrue(nonces.accepts(nonce));
    clock.advanceSeconds(60);
    assertFalse(nonces.accepts(nonce));
  }

  @Test
  void anotherInstancesForgedOrMalformedNoncesAreRefused() {
    DpopNonces nonces = new DpopNonces(clock);
    assertFalse(nonces.accepts(new DpopNonces(clock).current()));
    String nonce = nonces.current();
    char last = nonce.charAt(nonce.length() - 1);
    assertFalse(nonces.accepts(nonce.substring(0, nonce.length() - 1) + (last == 'A' ? 'B' : 'A')));
    assertFalse(nonces.accepts("not base64url!"));
    assertFalse(nonces.accepts(""));
    assertFalse(nonces.accepts(null));
  }

  @Test
  void instancesWithTheSameSecretAcceptEachOthersNoncesAndOthersDoNot() {
    byte[] secret = "0123456789abcdefghijklmnopqrstuv".getBytes(StandardCharsets.UTF_8);
    DpopNonces one = new DpopNonces(clock, secret);
    DpopNonces two = new DpopNonces(clock, secret.clone());
    DpopNonces other = new DpopNonces(clock, "0123456789abcdefghijklmnopqrstuw".getBytes(StandardCharsets.UTF_8));
    assertEquals(one.current(), two.current());
    assertTrue(two.accepts(one.current()));
    assertTrue(one.accepts(two.current()));
    assertFalse(other.accepts(one.current()));
    assertFalse(new DpopNonces(clock).accepts(one.current()));
    assertFalse(one.accepts(new DpopNonces(clock).current()));
    String nonce = one.current();
    clock.advanceSeconds(120);
    assertFalse(two.accepts(nonce));
  }
}
