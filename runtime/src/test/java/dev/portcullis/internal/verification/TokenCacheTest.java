package dev.portcullis.internal.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWKSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** The repeat-token cache: what a hit still checks, what it forgets, and when. */
class TokenCacheTest {
  private final TestKeys keys = new TestKeys();

  @Test
  void repeatedTokenIsAnsweredFromTheCache() throws Exception {
    TokenVerifier verifier = keys.verifier(TestKeys.config().build());
    String token = keys.token();
    VerifiedToken first = verifier.verify(token);
    assertSame(first, verifier.verify(token));
    assertSame(first, verifier.verify(new String(token.toCharArray())), "an equal string from another request");
    assertEquals(1, verifier.cachedTokens());
  }

  @Test
  void cacheSizeZeroTurnsTheCacheOff() throws Exception {
    TokenVerifier verifier = keys.verifier(TestKeys.config().tokenCacheSize(0).build());
    String token = keys.token();
    assertNotSame(verifier.verify(token), verifier.verify(token));
    assertEquals(0, verifier.cachedTokens());
  }

  @Test
  void aTokenOverTheSizeLimitIsNeitherVerifiedNorCached() {
    TokenVerifier verifier = keys.verifier(TestKeys.config().build());
    String token = keys.token(TestKeys.K1, c -> c.claim("pad", "x".repeat(45_000)));
    for (int i = 0; i < 2; i++) {
      TokenRejectedException e = assertThrows(TokenRejectedException.class, () -> verifier.verify(token));
      assertEquals("The token is larger than the 8192 bytes this API accepts.", e.getMessage());
    }
    assertEquals(0, verifier.cachedTokens());
    // Not even read: an oversized token with a broken signature gets the same answer.
    String forged = token.substring(0, token.length() - 4) + "AAAA";
    TokenRejectedException e = assertThrows(TokenRejectedException.class, () -> verifier.verify(forged));
    assertEquals("The token is larger than the 8192 bytes this API accepts.", e.getMessage());
  }

  @Test
  void cachedTokenIsRejectedOnceItExpiresBeyondTheClockSkew() throws Exception {
    TokenVerifier verifier = keys.verifier(TestKeys.config().clockSkew(Duration.ofSeconds(60)).build());
    String token = keys.token();
    VerifiedToken first = verifier.verify(token);
    keys.clock.advanceSeconds(600 + 59);
    assertSame(first, verifier.verify(token), "still inside exp + skew");
    keys.clock.advanceSeconds(1);
    TokenRejectedException e = assertThrows(TokenRejectedException.class, () -> verifier.verify(token));
    assertEquals("The token has expired.", e.getMessage());
  }

  @Test
  void cachedTokenIsRejectedWhenTheClockGoesBackBeforeItsNotBefore() throws Exception {
    TokenVerifier verifier = keys.verifier(TestKeys.config().clockSkew(Duration.ofSeconds(60)).build());
    Instant now = keys.clock.instant();
    String token = keys.token(TestKeys.K1, c -> c.notBeforeTime(Date.from(now)));
    VerifiedToken first = verifier.verify(token);
    keys.clock.advanceSeconds(-59);
    assertSame(first, verifier.verify(token), "still inside nbf - skew");
    keys.clock.advanceSeconds(-1);
    TokenRejectedException e = assertThrows(TokenRejectedException.class, () -> verifier.verify(token));
    assertEquals("The token is not valid yet.", e.getMessage());
  }

  @Test
  void entriesAreEvictedWhenTheirTokenExpires() throws Exception {
    TokenVerifier verifier = keys.verifier(TestKeys.config().clockSkew(Duration.ofSeconds(60)).build());
    verifier.verify(keys.token(TestKeys.K1, c -> c.expirationTime(Date.from(keys.clock.instant().plusSeconds(10)))));
    verifier.verify(keys.token());
    assertEquals(2, verifier.cachedTokens());
    keys.clock.advanceSeconds(71);
    assertEquals(1, verifier.cachedTokens(), "only the token that lives 10 minutes is left");
  }

  @Test
  void cacheHoldsNoMoreThanItsConfiguredSize() throws Exception {
    TokenVerifier verifier = keys.verifier(TestKeys.config().tokenCacheSize(5).build());
    for (int i = 0; i < 50; i++) {
      verifier.verify(keys.token());
    }
    long size = verifier.cachedTokens();
    assertTrue(size > 0 && size <= 5, "cache holds " + size);
  }

  @Test
  void tokenDifferingOnlyBeforeTheSignatureIsNotAHit() throws Exception {
    TokenVerifier verifier = keys.verifier(TestKeys.config().build());
    String token = keys.token();
    verifier.verify(token);
    String[] parts = token.split("\\.");
    String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
        "{\"iss\":\"https://idp.example.com/realms/shop\",\"aud\":\"orders-api\",\"sub\":\"mallory\",\"exp\":9999999999}"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    TokenRejectedException e = assertThrows(TokenRejectedException.class,
        () -> verifier.verify(parts[0] + "." + forged + "." + parts[2]));
    assertEquals("The token signature is invalid.", e.getMessage());
  }

  @Test
  void changedKeySetDropsTokensVerifiedUnderTheOldOne() throws Exception {
    TokenVerifier verifier = keys.verifier(TestKeys.config().build());
    String signedByK1 = keys.token();
    verifier.verify(signedByK1);
    keys.publish(TestKeys.K2); // k1 rotated out
    verifier.verify(keys.token(TestKeys.K2, c -> { })); // unknown kid: the new set is fetched
    assertEquals(2, keys.fetches.get());
    assertThrows(TokenRejectedException.class, () -> verifier.verify(signedByK1),
        "a token whose key left the key set is not answered from the cache");
  }

  @Test
  void tokenVerifiedWithAKeyFromTheSetJustFetchedIsRemembered() throws Exception {
    TokenVerifier verifier = keys.verifier(TestKeys.config().build());
    verifier.verify(keys.token());
    keys.publish(TestKeys.K1, TestKeys.K2);
    String signedByK2 = keys.token(TestKeys.K2, c -> { });
    VerifiedToken first = verifier.verify(signedByK2); // its unknown kid fetches the new set
    assertSame(first, verifier.verify(signedByK2), "the key came from the set fetched last");
  }

  @Test
  void tokenCheckedWithAKeyFromASetAlreadyReplacedIsNotRemembered() throws Exception {
    TokenVerifier verifier = keys.verifier(TestKeys.config().build());
    String signedByK1 = keys.token();
    verifier.verify(keys.token());
    // k1 is removed. The moment between a fetch of the new set and the key cache storing it,
    // frozen: the fetch has been seen, but the key cache still hands out the old set.
    keys.publish(TestKeys.K2);
    verifier.keySetVersion().observe(new JWKSet(TestKeys.K2.toPublicJWK()));
    verifier.verify(signedByK1); // k1 is all the key cache has, so this check passes
    verifier.verify(keys.token(TestKeys.K2, c -> { })); // unknown kid: the key cache gets the new set
    assertThrows(TokenRejectedException.class, () -> verifier.verify(signedByK1),
        "a token checked with a key from a replaced set is not answered from the cache");
  }

  @Test
  void tokensSurviveARefetchThatReturnsTheSameKeys() throws Exception {
    TokenVerifier verifier = keys.verifier(TestKeys.config().build());
    String signedByK1 = keys.token();
    VerifiedToken first = verifier.verify(signedByK1);
    keys.publish(TestKeys.K1); // same keys, new JWK instances
    assertThrows(TokenRejectedException.class, () -> verifier.verify(keys.token(TestKeys.K2, c -> { })));
    assertEquals(2, keys.fetches.get(), "the unknown kid made one refetch");
    assertSame(first, verifier.verify(signedByK1));
  }

  @Test
  void tokenCachedForOneAudienceIsRejectedByAVerifierForAnother() throws Exception {
    TokenVerifier orders = keys.verifier(TestKeys.config().build());
    TokenVerifier billing = keys.verifier(TestKeys.config().audience("billing-api").build());
    String token = keys.token();
    orders.verify(token);
    for (int i = 0; i < 2; i++) {
      TokenRejectedException e = assertThrows(TokenRejectedException.class, () -> billing.verify(token));
      assertEquals("The token was not issued for this API (audience mismatch).", e.getMessage());
    }
  }

  @Test
  void tokenCachedForOneIssuerIsRejectedByAVerifierForAnother() throws Exception {
    TokenVerifier shop = keys.verifier(TestKeys.config().build());
    TokenVerifier other = keys.verifier(TestKeys.config().issuer("https://idp.example.com/realms/other").build());
    String token = keys.token();
    shop.verify(token);
    TokenRejectedException e = assertThrows(TokenRejectedException.class, () -> other.verify(token));
    assertEquals("The token was not issued by the expected issuer.", e.getMessage());
  }
}
