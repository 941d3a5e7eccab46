package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.testapp.OrdersResource;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Good and bad tokens against a JWKS the tests control, found through discovery. */
class TokenVerificationTest {
  private static KeyServer keys;
  private static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    keys = new KeyServer();
    // Exact RFC 6750 challenges here; the RFC 9728 resource_metadata parameter has its own test.
    app = TestApp.start(PortcullisConfig.builder().issuer(keys.issuer).audience(KeyServer.AUDIENCE)
            .resourceMetadata(false).build(),
        OrdersResource.class);
  }

  @AfterAll
  static void stop() {
    app.close();
    keys.close();
  }

  private static void assertInvalidToken(Answer answer, String description) {
    assertEquals(401, answer.status(), answer::toString);
    assertEquals("Bearer realm=\"orders-api\", error=\"invalid_token\", error_description=\"" + description + "\"",
        answer.challenge());
    assertEquals("no-store", answer.header("Cache-Control"));
    assertTrue(answer.header("Content-Type").startsWith("application/json"), answer::toString);
    assertEquals("{\"error\":\"invalid_token\",\"error_description\":\"" + description + "\"}", answer.body());
  }

  @Test
  void validTokenWithScopeReachesTheResource() {
    Answer answer = app.bearer("/orders", keys.token("orders:read"));
    assertEquals(200, answer.status(), answer::toString);
    assertEquals("orders", answer.body());
  }

  @Test
  void expiredTokenIsRejected() {
    String token = keys.token(c -> c.expirationTime(Date.from(Instant.now().minusSeconds(120))));
    assertInvalidToken(app.bearer("/orders", token), "The token has expired.");
  }

  @Test
  void tokenExpiredWithinTheClockSkewIsAccepted() {
    String token = keys.token(c -> c.expirationTime(Date.from(Instant.now().minusSeconds(20))));
    assertEquals(200, app.bearer("/orders", token).status());
  }

  @Test
  void tokenNotValidYetIsRejected() {
    String token = keys.token(c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(600))));
    assertInvalidToken(app.bearer("/orders", token), "The token is not valid yet.");
  }

  @Test
  void tokenFromAnotherIssuerIsRejected() {
    String token = keys.token(c -> c.issuer(keys.issuer + "/other"));
    assertInvalidToken(app.bearer("/orders", token), "The token was not issued by the expected issuer.");
  }

  @Test
  void tokenForAnotherAudienceIsRejected() {
    String token = keys.token(c -> c.audience(List.of("billing-api")));
    assertInvalidToken(app.bearer("/orders", token), "The token was not issued for this API (audience mismatch).");
  }

  @Test
  void tokenWithoutAudienceIsRejected() {
    String token = keys.token(c -> c.audience((String) null));
    assertInvalidToken(app.bearer("/orders", token), "The token was not issued for this API (audience mismatch).");
  }

  @Test
  void tokenWithSeveralAudiencesIncludingOursIsAccepted() {
    String token = keys.token(c -> c.audience(List.of("billing-api", KeyServer.AUDIENCE)));
    assertEquals(200, app.bearer("/orders", token).status());
  }

  @Test
  void tokenWithoutExpiryIsRejected() {
    String token = keys.token(c -> c.expirationTime(null));
    assertInvalidToken(app.bearer("/orders", token), "The token lacks the exp claim, which access tokens must have.");
  }

  @Test
  void unsignedAlgNoneTokenIsRejected() {
    String token = new PlainJWT(keys.claims("orders:read").build()).serialize();
    Answer answer = app.bearer("/orders", token);
    assertEquals(401, answer.status(), answer::toString);
    assertTrue(answer.challenge().contains("error=\"invalid_token\""), answer::toString);
  }

  @Test
  void hs256TokenSignedWithThePublicRsaKeyAsSecretIsRejected() throws Exception {
    byte[] secret = KeyServer.signingKey().toPublicJWK().toJSONString().getBytes();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(),
        keys.claims("orders:read").build());
    jwt.sign(new MACSigner(secret));
    assertInvalidToken(app.bearer("/orders", jwt.serialize()),
        "The token is not signed with an accepted algorithm and a known key.");
    SignedJWT der = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(),
        keys.claims("orders:read").build());
    der.sign(new MACSigner(KeyServer.signingKey().toRSAPublicKey().getEncoded()));
    assertInvalidToken(app.bearer("/orders", der.serialize()),
        "The token is not signed with an accepted algorithm and a known key.");
  }

  @Test
  void tokenWithTamperedPayloadFailsTheSignatureCheck() {
    String[] parts = keys.token("orders:read").split("\\.");
    String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
        keys.claims("orders:read orders:admin").build().toString().getBytes());
    assertInvalidToken(app.bearer("/orders", parts[0] + "." + forged + "." + parts[2]),
        "The token signature is invalid.");
  }

  @Test
  void tokenSignedWithAnotherKeyUnderTheSameKidIsRejected() {
    assertInvalidToken(app.bearer("/orders", keys.tokenSignedByOtherKey()), "The token signature is invalid.");
  }

  @Test
  void truncatedTokenIsRejected() {
    String token = keys.token("orders:read");
    Answer answer = app.bearer("/orders", token.substring(0, token.lastIndexOf('.')));
    assertEquals(401, answer.status(), answer::toString);
    assertTrue(answer.challenge().contains("error=\"invalid_token\""), answer::toString);
  }

  @Test
  void garbageTokensAreRejectedWithoutEchoingThem() {
    for (String garbage : List.of("abc", "a.b.c", "eyJhbGciOiJSUzI1NiJ9.e30.", "....", "e30.e30.e30",
        "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "=abc", "a=b")) {
      Answer answer = app.bearer("/orders", garbage);
      assertEquals(401, answer.status(), garbage + " -> " + answer);
      assertTrue(answer.challenge().contains("error=\"invalid_token\""), answer::toString);
      assertFalse(answer.body().contains(garbage) && garbage.length() > 4, answer::toString);
    }
  }

  @Test
  void tokenWithCharactersOutsideB64TokenIsMalformed() {
    assertInvalidToken(app.get("/orders", "Authorization", "Bearer abc,def"), "The access token is malformed.");
  }

  @Test
  void accessTokenTypeAndJwtTypeAndNoTypeAreAcceptedByDefault() {
    for (JOSEObjectType type : new JOSEObjectType[] {
        new JOSEObjectType("at+jwt"), new JOSEObjectType("application/at+jwt"), JOSEObjectType.JWT, null}) {
      String token = keys.tokenWithHeader(KeyServer.header().type(type).build());
      assertEquals(200, app.bearer("/orders", token).status(), String.valueOf(type));
    }
  }

  @Test
  void otherTokenTypesAreRejected() {
    String token = keys.tokenWithHeader(KeyServer.header().type(new JOSEObjectType("id_token+jwt")).build());
    assertInvalidToken(app.bearer("/orders", token), "The token type (typ header) is not accepted for access tokens.");
  }

  @Test
  void anIdTokenForThisAudienceIsRefusedUnlessTypedAsAnAccessToken() {
    for (JOSEObjectType type : new JOSEObjectType[] {JOSEObjectType.JWT, null}) {
      for (String claim : List.of("nonce", "at_hash", "c_hash")) {
        String idToken = keys.token(KeyServer.header().type(type).build(), c -> c.claim(claim, "n-0S6_WzA2Mj"));
        assertInvalidToken(app.bearer("/orders", idToken), "The token is an OpenID Connect ID token (it has a nonce,"
            + " at_hash or c_hash claim), not an access token.");
      }
    }
    String typed = keys.token(KeyServer.header().type(new JOSEObjectType("at+jwt")).build(),
        c -> c.claim("nonce", "n-0S6_WzA2Mj"));
    assertEquals(200, app.bearer("/orders", typed).status(), "typ at+jwt says it is an access token");
  }

  @Test
  void malformedScopeClaimRejectsTheToken() {
    String token = keys.token(c -> c.claim("scope", Map.of("a", 1)));
    assertInvalidToken(app.bearer("/orders", token), "The token's scope claim is malformed.");
  }

  @Test
  void scpClaimAsArrayGrantsScopes() {
    String token = keys.token(c -> c.claim("scope", null).claim("scp", List.of("orders:read")));
    assertEquals(200, app.bearer("/orders", token).status());
  }

  @Test
  void scpClaimAsStringGrantsScopes() {
    String token = keys.token(c -> c.claim("scope", null).claim("scp", "audit orders:read"));
    assertEquals(200, app.bearer("/orders/audit", token).status());
  }

  @Test
  void tokenWithoutIssuerIsRejected() {
    String token = keys.token((JWTClaimsSet.Builder c) -> c.issuer(null));
    assertInvalidToken(app.bearer("/orders", token), "The token lacks the iss claim, which access tokens must have.");
  }
}
