package dev.portcullis.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.Dpop;
import dev.portcullis.PortcullisConfig.DpopPolicy;
import dev.portcullis.spi.AccessRule;
import java.time.Instant;
import java.util.ArrayList;
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
    return cases(rule, DpopPolicy.OFF);
  }

  private static Map<String, ConformanceCase> cases(AccessRule rule, DpopPolicy application) {
    return EndpointCases.of(rule, issuer, application).stream()
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
    for (ConformanceCase conformanceCase : cases(STEP_UP).values()) {
      if (conformanceCase.token() == null) {
        continue;
      }
      JWTClaimsSet claims = claims(conformanceCase);
      long now = Instant.now().getEpochSecond(); // after signing: a second may have begun meanwhile
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
    assertFalse(expected.isMetBy(ProbeAnswer.of(200, List.of())));
  }

  @Test
  void anEndpointThatRequiresDpopRefusesBearerTokensAndOtherKeysProofsAndTakesABoundTokenWithItsProof() {
    List<String> required = List.of(
        "without a token: 401 with a DPoP challenge",
        "with a valid bearer token granting exactly orders:write (the endpoint requires DPoP): 401 invalid_token"
            + " with a DPoP challenge",
        "with a DPoP-bound token granting exactly orders:write and a proof signed by another key: 401 invalid_token"
            + " with a DPoP challenge",
        "with a DPoP-bound token granting no scope and its proof: 403 insufficient_scope in the DPoP challenge",
        "with a DPoP-bound token granting exactly orders:write and its proof: neither 401 nor 403");
    assertEquals(required, List.copyOf(cases(AccessRule.allOf("orders:write").requiringDpop(Dpop.REQUIRED)).keySet()));
    // The application's setting applies as Portcullis applies it: the stricter of the two.
    for (DpopPolicy application : DpopPolicy.values()) {
      assertEquals(required, List.copyOf(cases(AccessRule.allOf("orders:write").requiringDpop(Dpop.REQUIRED),
          application).keySet()), application::toString);
    }
    assertEquals(required, List.copyOf(cases(AccessRule.allOf("orders:write"), DpopPolicy.REQUIRED).keySet()));
    assertEquals(required, List.copyOf(cases(AccessRule.allOf("orders:write").requiringDpop(Dpop.ALLOWED),
        DpopPolicy.REQUIRED).keySet()));
  }

  @Test
  void anEndpointThatAllowsDpopKeepsEveryBearerCaseAndAddsTheDpopOnes() {
    List<String> bearer = List.copyOf(cases(AccessRule.allOf("orders:write")).keySet());
    List<String> allowed = new ArrayList<>(bearer);
    allowed.addAll(List.of(
        "with a DPoP-bound token granting exactly orders:write sent as a bearer token: 401 invalid_token",
        "with a DPoP-bound token granting exactly orders:write and a proof signed by another key: 401 invalid_token"
            + " in the DPoP challenge",
        "with a DPoP-bound token granting exactly orders:write and its proof: neither 401 nor 403"));
    assertEquals(allowed, List.copyOf(cases(AccessRule.allOf("orders:write").requiringDpop(Dpop.ALLOWED)).keySet()));
    assertEquals(allowed, List.copyOf(cases(AccessRule.allOf("orders:write"), DpopPolicy.ALLOWED).keySet()));
    assertEquals(bearer, List.copyOf(cases(AccessRule.allOf("orders:write"), DpopPolicy.OFF).keySet()));
  }

  @Test
  void dpopCasesSendTokensBoundToTheProofKeyOrToAnother() throws Exception {
    Map<String, ConformanceCase> cases = cases(AccessRule.allOf("orders:write").requiringDpop(Dpop.ALLOWED));
    ConformanceCase own = cases.get("with a DPoP-bound token granting exactly orders:write and its proof:"
        + " neither 401 nor 403");
    ConformanceCase other = cases.get("with a DPoP-bound token granting exactly orders:write and a proof signed by"
        + " another key: 401 invalid_token in the DPoP challenge");
    ConformanceCase asBearer = cases.get("with a DPoP-bound token granting exactly orders:write sent as a bearer"
        + " token: 401 invalid_token");
    assertEquals(own.proofKey().thumbprint(), jkt(own));
    assertNotEquals(other.proofKey().thumbprint(), jkt(other));
    assertEquals(own.proofKey().thumbprint(), jkt(other), "the same bound token, another key's proof");
    assertNull(asBearer.proofKey());
    assertEquals(own.proofKey().thumbprint(), jkt(asBearer));
  }

  private static String jkt(ConformanceCase conformanceCase) throws Exception {
    return String.valueOf(claims(conformanceCase).getJSONObjectClaim("cnf").get("jkt"));
  }

  @Test
  void theDpopExpectationsAreMetOnlyByADpopChallenge() {
    assertTrue(Expected.DPOP_CHALLENGE.isMetBy(ProbeAnswer.of(401, "DPoP realm=\"api\", algs=\"ES256\"")));
    assertFalse(Expected.DPOP_CHALLENGE.isMetBy(ProbeAnswer.of(401, "Bearer realm=\"api\"")));
    assertTrue(Expected.DPOP_ONLY.isMetBy(ProbeAnswer.of(401,
        "DPoP realm=\"api\", error=\"invalid_token\", algs=\"ES256\"")));
    assertFalse(Expected.DPOP_ONLY.isMetBy(ProbeAnswer.of(401, "Bearer realm=\"api\", error=\"invalid_token\"")));
    assertFalse(Expected.DPOP_ONLY.isMetBy(ProbeAnswer.of(200, List.of())));
    assertFalse(Expected.DPOP_ONLY.isMetBy(ProbeAnswer.of(401, List.of("Bearer realm=\"api\"",
        "DPoP realm=\"api\", error=\"invalid_token\""))), "an endpoint that requires DPoP offers no Bearer");
    // Where both schemes are taken, the error sits in the challenge of the scheme the token came in.
    ProbeAnswer otherKey = ProbeAnswer.of(401, List.of("Bearer realm=\"api\"",
        "DPoP realm=\"api\", error=\"invalid_token\", algs=\"ES256\""));
    assertTrue(Expected.DPOP_INVALID_TOKEN.isMetBy(otherKey));
    assertFalse(Expected.INVALID_TOKEN.isMetBy(otherKey));
    assertFalse(Expected.DPOP_INVALID_TOKEN.isMetBy(ProbeAnswer.of(401, List.of(
        "Bearer realm=\"api\", error=\"invalid_token\"", "DPoP realm=\"api\""))));
    assertTrue(Expected.DPOP_INSUFFICIENT_SCOPE.isMetBy(ProbeAnswer.of(403,
        "DPoP realm=\"api\", error=\"insufficient_scope\", scope=\"orders:write\"")));
    assertFalse(Expected.DPOP_INSUFFICIENT_SCOPE.isMetBy(ProbeAnswer.of(403,
        "Bearer realm=\"api\", error=\"insufficient_scope\"")));
  }
}
