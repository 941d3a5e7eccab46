package dev.portcullis.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 6750 section 3 challenge and body formatting. */
class BearerChallengeTest {

  @Test
  void missingTokenChallengeHasOnlyTheRealm() {
    BearerChallenge c = BearerChallenge.missingToken("orders-api");
    assertEquals(401, c.status());
    assertEquals("Bearer realm=\"orders-api\"", c.header());
  }

  @Test
  void errorChallengeListsErrorDescriptionAndScopes() {
    BearerChallenge c = BearerChallenge.error("api", BearerChallenge.Error.INSUFFICIENT_SCOPE, "Need more.",
        List.of("a:read", "b"));
    assertEquals(403, c.status());
    assertEquals("Bearer realm=\"api\", error=\"insufficient_scope\", error_description=\"Need more.\","
        + " scope=\"a:read b\"", c.header());
    assertEquals("{\"error\":\"insufficient_scope\",\"error_description\":\"Need more.\",\"scope\":\"a:read b\"}",
        c.body());
  }

  @Test
  void errorCodesMapToRfc6750Statuses() {
    assertEquals(400, BearerChallenge.error("r", BearerChallenge.Error.INVALID_REQUEST, "x", List.of()).status());
    assertEquals(401, BearerChallenge.error("r", BearerChallenge.Error.INVALID_TOKEN, "x", List.of()).status());
  }

  @Test
  void quotesAndBackslashesAreEscapedAndControlCharactersReplacedInTheHeader() {
    assertEquals("\"a\\\"b\\\\c?d?\"", BearerChallenge.quote("a\"b\\c\rd\u00e9"));
    BearerChallenge c = BearerChallenge.missingToken("x\", error=\"forged");
    assertEquals("Bearer realm=\"x\\\", error=\\\"forged\"", c.header());
  }

  @Test
  void jsonStringsAreEscaped() {
    assertEquals("\"a\\\"b\\\\c\\n\\u0001\u00e9\"", BearerChallenge.jsonString("a\"b\\c\n\u0001\u00e9"));
  }

  @Test
  void responseCarriesChallengeNoStoreAndJson() {
    Response r = BearerChallenge.error("api", BearerChallenge.Error.INVALID_TOKEN, "Bad.", List.of()).toResponse();
    assertEquals(401, r.getStatus());
    assertEquals("no-store", r.getHeaderString("Cache-Control"));
    assertEquals("application/json", r.getHeaderString("Content-Type"));
    assertEquals("{\"error\":\"invalid_token\",\"error_description\":\"Bad.\"}", r.getEntity());
  }

  @Test
  void insufficientUserAuthenticationIs401WithAcrValuesAndMaxAgeInHeaderAndBody() {
    BearerChallenge c = BearerChallenge.insufficientUserAuthentication("api", "Step up.", List.of("mfa", "phr"), 300);
    assertEquals(401, c.status());
    assertEquals("Bearer realm=\"api\", error=\"insufficient_user_authentication\", error_description=\"Step up.\","
        + " acr_values=\"mfa phr\", max_age=300", c.header());
    assertEquals("{\"error\":\"insufficient_user_authentication\",\"error_description\":\"Step up.\","
        + "\"acr_values\":\"mfa phr\",\"max_age\":300}", c.body());
  }

  @Test
  void insufficientUserAuthenticationNamesOnlyWhatTheEndpointAsksFor() {
    assertEquals("Bearer realm=\"api\", error=\"insufficient_user_authentication\", error_description=\"x\","
        + " max_age=60", BearerChallenge.insufficientUserAuthentication("api", "x", List.of(), 60).header());
    BearerChallenge acrOnly = BearerChallenge.insufficientUserAuthentication("api", "x", List.of("mfa"), -1);
    assertEquals("Bearer realm=\"api\", error=\"insufficient_user_authentication\", error_description=\"x\","
        + " acr_values=\"mfa\"", acrOnly.header());
    assertEquals("Bearer realm=\"api\", error=\"insufficient_user_authentication\", error_description=\"x\","
        + " acr_values=\"mfa\", resource_metadata=\"https://api/.well-known/oauth-protected-resource\"",
        acrOnly.withResourceMetadata("https://api/.well-known/oauth-protected-resource").header());
  }

  @Test
  void dpopChallengesReplaceOrJoinTheBearerOne() {
    BearerChallenge only = BearerChallenge.error("api", BearerChallenge.Error.INVALID_DPOP_PROOF, "Bad proof.", List.of())
        .withDpop("api", "ES256 RS256", true).withResourceMetadata("https://api/.well-known/oauth-protected-resource");
    assertEquals("DPoP realm=\"api\", error=\"invalid_dpop_proof\", error_description=\"Bad proof.\","
        + " algs=\"ES256 RS256\", resource_metadata=\"https://api/.well-known/oauth-protected-resource\"", only.header());
    BearerChallenge both = BearerChallenge.missingToken("api").withDpop("api", "ES256", false);
    assertEquals("Bearer realm=\"api\"", both.header());
    assertEquals("DPoP realm=\"api\", algs=\"ES256\"", both.dpopHeader());
    assertEquals(List.of("Bearer realm=\"api\"", "DPoP realm=\"api\", algs=\"ES256\""),
        both.toResponse().getStringHeaders().get("WWW-Authenticate"));
  }
}
