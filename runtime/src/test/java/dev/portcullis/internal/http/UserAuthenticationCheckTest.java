package dev.portcullis.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portcullis.internal.http.UserAuthenticationCheck.Shortfall;
import dev.portcullis.spi.AccessRule;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The RFC 9470 judgment of a token's {@code acr} and {@code auth_time} against a rule's acr values
 * and max age, at a fixed time: missing or malformed claims fall short, the skew is allowed.
 */
class UserAuthenticationCheckTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final Duration SKEW = Duration.ofSeconds(30);
  private static final AccessRule ACR = AccessRule.anyToken().requiringAcr("mfa", "phr");
  private static final AccessRule MAX_AGE = AccessRule.allOf("orders:read").requiringMaxAge(300);

  private static Optional<Shortfall> judge(AccessRule rule, Object... claims) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < claims.length; i += 2) {
      map.put((String) claims[i], claims[i + 1]);
    }
    return UserAuthenticationCheck.shortfall(rule, map, NOW, SKEW);
  }

  private static long secondsAgo(long seconds) {
    return NOW.getEpochSecond() - seconds;
  }

  @Test
  void ruleWithoutStepUpAcceptsAnyToken() {
    assertEquals(Optional.empty(), judge(AccessRule.anyToken()));
  }

  @Test
  void acrMustBeOneOfTheListedValues() {
    assertEquals(Optional.empty(), judge(ACR, "acr", "mfa"));
    assertEquals(Optional.empty(), judge(ACR, "acr", "phr"));
    assertEquals(Optional.of(Shortfall.ACR_NOT_ACCEPTED), judge(ACR, "acr", "pwd"));
    assertEquals(Optional.of(Shortfall.ACR_NOT_ACCEPTED), judge(ACR, "acr", "MFA"));
  }

  @Test
  void missingOrMalformedAcrFallsShort() {
    assertEquals(Optional.of(Shortfall.ACR_MISSING), judge(ACR));
    assertEquals(Optional.of(Shortfall.ACR_MISSING), judge(ACR, "acr", List.of("mfa")));
    assertEquals(Optional.of(Shortfall.ACR_MISSING), judge(ACR, "acr", 2L));
    assertEquals(Optional.of(Shortfall.ACR_MISSING), judge(ACR, "acr", Map.of("value", "mfa")));
  }

  @Test
  void authTimeWithinMaxAgeAndSkewIsFresh() {
    assertEquals(Optional.empty(), judge(MAX_AGE, "auth_time", secondsAgo(10)));
    assertEquals(Optional.empty(), judge(MAX_AGE, "auth_time", secondsAgo(300)));
    assertEquals(Optional.empty(), judge(MAX_AGE, "auth_time", secondsAgo(330)));
    assertEquals(Optional.empty(), judge(MAX_AGE, "auth_time", (double) secondsAgo(100) + 0.5));
    assertEquals(Optional.empty(), judge(MAX_AGE, "auth_time", NOW.minusSeconds(20)));
  }

  @Test
  void authTimeOlderThanMaxAgePlusSkewIsStale() {
    assertEquals(Optional.of(Shortfall.AUTH_TIME_TOO_OLD), judge(MAX_AGE, "auth_time", secondsAgo(331)));
    assertEquals(Optional.of(Shortfall.AUTH_TIME_TOO_OLD), judge(MAX_AGE, "auth_time", 0L));
  }

  @Test
  void missingMalformedOrFutureAuthTimeFallsShort() {
    assertEquals(Optional.of(Shortfall.AUTH_TIME_MISSING), judge(MAX_AGE));
    assertEquals(Optional.of(Shortfall.AUTH_TIME_MISSING), judge(MAX_AGE, "auth_time", String.valueOf(secondsAgo(5))));
    assertEquals(Optional.of(Shortfall.AUTH_TIME_MISSING), judge(MAX_AGE, "auth_time", true));
    assertEquals(Optional.of(Shortfall.AUTH_TIME_MISSING), judge(MAX_AGE, "auth_time", -1L));
    assertEquals(Optional.of(Shortfall.AUTH_TIME_MISSING), judge(MAX_AGE, "auth_time", Double.NaN));
    assertEquals(Optional.of(Shortfall.AUTH_TIME_MISSING), judge(MAX_AGE, "auth_time", 1e300));
    assertEquals(Optional.of(Shortfall.AUTH_TIME_MISSING), judge(MAX_AGE, "auth_time", secondsAgo(-31)));
    assertEquals(Optional.empty(), judge(MAX_AGE, "auth_time", secondsAgo(-30)));
  }

  @Test
  void acrIsJudgedBeforeAuthTime() {
    AccessRule both = AccessRule.anyToken().requiringAcr("mfa").requiringMaxAge(60);
    assertEquals(Optional.of(Shortfall.ACR_NOT_ACCEPTED), judge(both, "acr", "pwd", "auth_time", 0L));
    assertEquals(Optional.of(Shortfall.AUTH_TIME_TOO_OLD), judge(both, "acr", "mfa", "auth_time", 0L));
    assertEquals(Optional.empty(), judge(both, "acr", "mfa", "auth_time", secondsAgo(1)));
  }
}
