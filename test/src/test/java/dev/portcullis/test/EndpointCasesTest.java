package dev.portcullis.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.Dpop;
import dev.portcullis.spi.AccessRule;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The conformance cases of an endpoint that asks for step-up authentication: every token carries
 * the acr and auth_time it needs, except the two that show each one falling short.
 */
class EndpointCasesTest {
  @RegisterExtension
  static final TestIssuer issuer = TestIssuer.create("shop-api");

  private static final AccessRule STEP_UP =
      AccessRule.allOf("orders:write").requiringAcr("phr", "mfa").requiringMaxAge(300);

  private static Map<String, ConformanceCase> cases(AccessRule rule) {
    return EndpointCases.of(rule, issuer).stream()
        .collect(Collectors.toMap(ConformanceCase::title, Function.identity(), (a, b) -> a,
            java.util.LinkedHashMap::new));
  }

  private static JWTClaimsSet claims(ConformanceCase conformanceCase) throws Exception {
    return SignedJWT.parse(conformanceCase.token().get()).getJWTClaimsSet();
  }

  @Test
  void stepUpEndpointsGetACaseForAnAcrNotListedAndOneForAStaleAuthentication() {
    assertEquals(List.of(
            "without a token: 401 with a Bearer challenge",
            "with an expired token: 401 invalid_token",
            "with a token for audience not-shop-api: 401 invalid_token",
            "with a token signed by a key the issuer does not publish: 401 invalid_token",
            "with a token whose acr is portcullis-test:not-accepted, not one of phr mfa:"
                + " 401 insufficient_user_authentication",
            "with a token whose user authenticated 7500 seconds ago: 401 insufficient_user_authentication",
            "with a token lacking orders:write (granting no scope): 403 insufficient_scope",
            "with a token granting exactly orders:write: neither 401 nor 403"),
        List.copyOf(cases(STEP_UP).keySet()));
  }

  @Test
  void tokensCarryTheFirstAcrAndAFreshAuthTimeExceptWhereTheyShowTheShortfall() throws Exception {
    long now = Instant.now().getEpochSecond();
    for (ConformanceCase conformanceCase : cases(STEP_UP).values()) {
      if (conformanceCase.token() == null) {
        continue;
      }
      JWTClaimsSet claims = claims(conformanceCase);
      String title = conformanceCase.title();
      String acr = claims.getStringClaim("acr");
      long authTime = claims.getLongClaim("auth_time");
      if (title.contains("whose acr")) {
        assertEquals("portcullis-test:not-accepted", acr, title);
      } else {
        assertEquals("phr", acr, title);
      }
      if (title.contains("authenticated 7500 seconds ago")) {
        assertTrue(authTime <= now - 7500, title);
      } else {
        assertTrue(Math.abs(authTime - now) < 120, title + " auth_time " + authTime);
      }
    }
  }

  @Test
  void rulesWithoutStepUpKeepTheirCasesAndTokensWithoutAcrOrAuthTime() throws Exception {
    Map<String, ConformanceCase> cases = cases(AccessRule.allOf("orders:write"));
    assertFalse(cases.keySet().stream().anyMatch(title -> title.contains("insufficient_user_authentication")));
    JWTClaimsSet granted = claims(cases.get("with a token granting exactly orders:write: neither 401 nor 403"));
    assertFalse(granted.getClaims().containsKey("acr"));
    assertFalse(granted.getClaims().containsKey("auth_time"));
  }

  @Test
  void insufficientUserAuthenticationIsMetOnlyByItsChallenge() {
    Expected expected = Expected.INSUFFICIENT_USER_AUTHENTICATION;
    assertTrue(expected.isMetBy(ProbeAnswer.of(401,
        "Bearer realm=\"api\", error=\"insufficient_user_authentication\", acr_values=\"mfa\"")));
    assertFalse(expected.isMetBy(ProbeAnswer.of(401, "Bearer realm=\"api\", error=\"invalid_token\"")));
    assertFalse(expected.isMetBy(ProbeAnswer.of(200, null)));
  }

  @Test
  void anEndpointThatRequiresDpopIsOnlyCheckedToRefuseBearerTokensInTheDpopScheme() {
    assertEquals(List.of(
            "without a token: 401 with a DPoP challenge",
            "with a valid bearer token granting exactly orders:write (the endpoint requires DPoP): 401 invalid_token"
                + " with a DPoP challenge"),
        List.copyOf(cases(AccessRule.allOf("orders:write").requiringDpop(Dpop.REQUIRED)).keySet()));
    // An endpoint that only allows DPoP keeps every bearer case.
    assertEquals(List.copyOf(cases(AccessRule.allOf("orders:write")).keySet()),
        List.copyOf(cases(AccessRule.allOf("orders:write").requiringDpop(Dpop.ALLOWED)).keySet()));
  }

  @Test
  void theDpopExpectationsAreMetOnlyByADpopChallenge() {
    assertTrue(Expected.DPOP_CHALLENGE.isMetBy(ProbeAnswer.of(401, "DPoP realm=\"api\", algs=\"ES256\"")));
    assertFalse(Expected.DPOP_CHALLENGE.isMetBy(ProbeAnswer.of(401, "Bearer realm=\"api\"")));
    assertTrue(Expected.DPOP_ONLY.isMetBy(ProbeAnswer.of(401,
        "DPoP realm=\"api\", error=\"invalid_token\", algs=\"ES256\"")));
    assertFalse(Expected.DPOP_ONLY.isMetBy(ProbeAnswer.of(401, "Bearer realm=\"api\", error=\"invalid_token\"")));
    assertFalse(Expected.DPOP_ONLY.isMetBy(ProbeAnswer.of(200, null)));
  }
}
