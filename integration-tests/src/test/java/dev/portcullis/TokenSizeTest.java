package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testapp.OrdersResource;
import org.junit.jupiter.api.Test;

/**
 * Tokens over the size limit are refused before anything reads them: no JWKS fetch, no
 * signature check, nothing cached.
 */
class TokenSizeTest {

  private static String tokenOfLength(KeyServer keys, int length) {
    String base = keys.token("orders:read");
    // Each 4 characters of base64url carry 3 bytes; ,"pad":"" adds 10 bytes to the JSON.
    String padded = keys.token(c -> c.claim("pad", "x".repeat((length - base.length()) * 3 / 4 - 10)));
    assertTrue(Math.abs(padded.length() - length) < 8, "length " + padded.length());
    return padded;
  }

  @Test
  void aValidlySignedTokenOverTheDefaultLimitIsRefusedUnread() throws Exception {
    try (KeyServer keys = new KeyServer();
        TestApp app = TestApp.start(PortcullisConfig.builder().issuer(keys.issuer).audience(KeyServer.AUDIENCE)
            .build(), OrdersResource.class)) {
      String huge = tokenOfLength(keys, 60_000);
      // The keys are loaded from startup on; what counts is that the token adds no fetch.
      assertEquals(200, app.bearer("/orders", tokenOfLength(keys, 1_000)).status(), "keys loaded");
      int hitsBefore = keys.jwksHits();
      Answer answer = app.bearer("/orders", huge);
      assertEquals(401, answer.status(), answer::toString);
      assertTrue(answer.challenge().contains("error=\"invalid_token\", error_description=\"The token is larger than"
          + " the 8192 bytes this API accepts.\""), answer::toString);
      assertEquals(hitsBefore, keys.jwksHits(), "an oversized token is refused before its keys are looked up");

      assertEquals(200, app.bearer("/orders", tokenOfLength(keys, 8_000)).status(), "under the limit");
    }
  }

  @Test
  void theLimitIsConfigurable() throws Exception {
    try (KeyServer keys = new KeyServer();
        TestApp app = TestApp.start(PortcullisConfig.builder().issuer(keys.issuer).audience(KeyServer.AUDIENCE)
            .maxTokenSize(2_048).build(), OrdersResource.class)) {
      Answer answer = app.bearer("/orders", tokenOfLength(keys, 2_100));
      assertEquals(401, answer.status(), answer::toString);
      assertTrue(answer.challenge().contains("larger than the 2048 bytes"), answer::toString);
      assertEquals(200, app.bearer("/orders", tokenOfLength(keys, 2_000)).status());
    }
  }
}
