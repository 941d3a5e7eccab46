package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.portcullis.testapp.AccountResource;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Step-up authentication (RFC 9470) over HTTP: tokens carrying {@code acr} and {@code auth_time}
 * against {@code @RequiresScope(acr = ..., maxAge = ...)} and {@code @RequiresToken(maxAge = ...)},
 * the 401 {@code insufficient_user_authentication} challenge word for word, malformed claims that
 * fall short without a 500, and a method's annotation replacing the class's step-up.
 */
class StepUpTest {
  private static final String REALM = "Bearer realm=\"orders-api\", error=\"insufficient_user_authentication\"";
  private static final String ACR_NOT_ACCEPTED = "The user authenticated in a way this endpoint does not accept;"
      + " authenticate with one of the acr_values.";
  private static final String ACR_MISSING = "The token does not say how the user authenticated (no acr claim),"
      + " and this endpoint requires a particular authentication.";
  private static final String TOO_OLD = "The user authenticated too long ago for this endpoint; authenticate again"
      + " within max_age seconds.";
  private static final String AUTH_TIME_MISSING = "The token does not say when the user authenticated (no valid"
      + " auth_time claim), and this endpoint requires a recent authentication.";

  private static KeyServer keys;
  private static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    keys = new KeyServer();
    app = TestApp.start(PortcullisConfig.builder().issuer(keys.issuer).audience(KeyServer.AUDIENCE)
        .clockSkew(Duration.ofSeconds(10)).resourceMetadata(false).build(), AccountResource.class);
  }

  @AfterAll
  static void stop() {
    app.close();
    keys.close();
  }

  private static String token(String scope, Consumer<JWTClaimsSet.Builder> claims) {
    return keys.token(b -> {
      b.claim("scope", scope);
      claims.accept(b);
    });
  }

  private static Date secondsAgo(long seconds) {
    return Date.from(Instant.now().minusSeconds(seconds));
  }

  private static Answer show(String token) {
    return app.bearer("/account", token);
  }

  private static Answer change(String token) {
    return app.send("PUT", "/account", "new", "Authorization", "Bearer " + token);
  }

  private static Answer close(String token) {
    return app.send("DELETE", "/account", "", "Authorization", "Bearer " + token);
  }

  private static void assertStepUp(Answer answer, String description, String parameters, String json) {
    assertEquals(401, answer.status(), answer::toString);
    assertEquals(REALM + ", error_description=\"" + description + "\"" + parameters, answer.challenge());
    assertEquals("{\"error\":\"insufficient_user_authentication\",\"error_description\":\"" + description + "\""
        + json + "}", answer.body());
    assertEquals("no-store", answer.header("Cache-Control"));
  }

  @Test
  void acrListedOnTheClassIsAccepted() {
    assertEquals(200, show(token("account:read", b -> b.claim("acr", "mfa"))).status());
    assertEquals(200, show(token("account:read", b -> b.claim("acr", "phr"))).status());
  }

  @Test
  void otherAcrIsRefusedNamingTheAcceptedValues() {
    assertStepUp(show(token("account:read", b -> b.claim("acr", "pwd"))), ACR_NOT_ACCEPTED,
        ", acr_values=\"mfa phr\"", ",\"acr_values\":\"mfa phr\"");
  }

  @Test
  void tokenWithoutAcrFallsShort() {
    assertStepUp(show(token("account:read", b -> { })), ACR_MISSING,
        ", acr_values=\"mfa phr\"", ",\"acr_values\":\"mfa phr\"");
  }

  @Test
  void malformedClaimsFallShortWith401NeverA500() {
    for (Object acr : new Object[] {42, List.of("mfa"), true}) {
      assertStepUp(show(token("account:read", b -> b.claim("acr", acr))), ACR_MISSING,
          ", acr_values=\"mfa phr\"", ",\"acr_values\":\"mfa phr\"");
    }
    for (Object authTime : new Object[] {"yesterday", List.of(1), false, -5}) {
      assertStepUp(close(token("account:read", b -> b.claim("auth_time", authTime))), AUTH_TIME_MISSING,
          ", max_age=60", ",\"max_age\":60");
    }
  }

  @Test
  void methodStepUpReplacesTheClasssAcrValuesAndAddsAMaxAge() {
    assertEquals(200, change(token("account:write", b -> b.claim("acr", "phr").claim("auth_time", secondsAgo(5))))
        .status());
    assertStepUp(change(token("account:write", b -> b.claim("acr", "mfa").claim("auth_time", secondsAgo(5)))),
        ACR_NOT_ACCEPTED, ", acr_values=\"phr\", max_age=300", ",\"acr_values\":\"phr\",\"max_age\":300");
  }

  @Test
  void authTimeOlderThanMaxAgeIsStale() {
    assertStepUp(change(token("account:write", b -> b.claim("acr", "phr").claim("auth_time", secondsAgo(900)))),
        TOO_OLD, ", acr_values=\"phr\", max_age=300", ",\"acr_values\":\"phr\",\"max_age\":300");
    assertStepUp(close(token("account:read", b -> b.claim("auth_time", secondsAgo(300)))), TOO_OLD,
        ", max_age=60", ",\"max_age\":60");
  }

  @Test
  void missingAuthTimeFallsShortOfAMaxAge() {
    assertStepUp(change(token("account:write", b -> b.claim("acr", "phr"))), AUTH_TIME_MISSING,
        ", acr_values=\"phr\", max_age=300", ",\"acr_values\":\"phr\",\"max_age\":300");
  }

  @Test
  void maxAgeAloneAcceptsAnyAcrAndAllowsTheClockSkew() {
    assertEquals(200, close(token("account:read", b -> b.claim("auth_time", secondsAgo(1)))).status());
    assertEquals(200, close(token("account:read", b -> b.claim("acr", "pwd").claim("auth_time", secondsAgo(5))))
        .status());
    // 60 seconds of max age and 10 of skew: 65 seconds ago is still fresh enough.
    assertEquals(200, close(token("account:read", b -> b.claim("auth_time", secondsAgo(65)))).status());
  }

  @Test
  void methodWithoutStepUpIgnoresTheClasssStepUp() {
    assertEquals(200, app.bearer("/account/plain", token("other", b -> { })).status());
  }

  @Test
  void scopesAreCheckedBeforeTheUserAuthentication() {
    Answer answer = show(token("orders:read", b -> b.claim("acr", "pwd")));
    assertEquals(403, answer.status(), answer::toString);
    assertEquals("Bearer realm=\"orders-api\", error=\"insufficient_scope\", error_description=\"The token does"
        + " not grant the scope this endpoint requires.\", scope=\"account:read\"", answer.challenge());
  }

  @Test
  void requestWithoutTokenIsAskedForOneFirst() {
    Answer answer = app.get("/account");
    assertEquals(401, answer.status());
    assertEquals("Bearer realm=\"orders-api\"", answer.challenge());
  }
}
