package dev.portcullis.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.client.DpopKey;
import dev.portcullis.client.TestCertificates;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The test issuer is an identity provider a Portcullis application trusts through {@link
 * TestIssuer#config()}: discovery and JWKS over HTTP, tokens it accepts, and tokens it must
 * refuse, each for its one reason.
 */
class TestIssuerTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @RegisterExtension
  static final TestIssuer issuer = TestIssuer.create("shop-api");

  private static RunningApp app;

  @BeforeAll
  static void start() {
    app = RunningApp.start(issuer.config());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void servesDiscoveryAndAKeySetWithThePublicKeyOnly() throws Exception {
    assertTrue(issuer.issuer().matches("http://127\\.0\\.0\\.1:[0-9]+"), issuer.issuer());
    Map<String, Object> discovery = json(issuer.issuer() + "/.well-known/openid-configuration");
    assertEquals(issuer.issuer(), discovery.get("issuer"));
    assertEquals(issuer.jwksUri().toString(), discovery.get("jwks_uri"));
    assertEquals(discovery, json(issuer.issuer() + "/.well-known/oauth-authorization-server"));

    List<Object> keys = JSONObjectUtils.getJSONArray(json(issuer.jwksUri().toString()), "keys");
    assertEquals(1, keys.size());
    @SuppressWarnings("unchecked")
    Map<String, Object> key = (Map<String, Object>) keys.get(0);
    assertEquals("RSA", key.get("kty"));
    assertEquals("RS256", key.get("alg"));
    assertFalse(key.containsKey("d"), "the private exponent is published");
    assertEquals(key.get("kid"), SignedJWT.parse(issuer.token().sign()).getHeader().getKeyID());
  }

  @Test
  void aDefaultTokenIsAcceptedWithTheDocumentedClaims() throws Exception {
    String token = issuer.token().sign();

    HttpResponse<String> me = app.get("me", token);

    assertEquals(200, me.statusCode(), me.body());
    assertEquals("sub=test-user\nclient_id=test-client\niss=" + issuer.issuer() + "\nscopes=\nacr=null\n"
        + "aud=shop-api\n", me.body());
    SignedJWT jwt = SignedJWT.parse(token);
    assertEquals("at+jwt", jwt.getHeader().getType().getType());
    Duration lifetime = Duration.between(jwt.getJWTClaimsSet().getIssueTime().toInstant(),
        jwt.getJWTClaimsSet().getExpirationTime().toInstant());
    assertEquals(Duration.ofMinutes(5), lifetime);
    assertTrue(jwt.getJWTClaimsSet().getJWTID().length() > 20);
  }

  @Test
  void aTokenBoundToADpopKeyIsAcceptedWithThatKeysProofOnly() throws Exception {
    DpopKey key = DpopKey.generate();
    String token = issuer.token().boundTo(key).sign();
    URI keys = app.baseUri().resolve("me/keys");

    assertEquals(200, dpop(keys, token, key.proof("GET", keys, token)).statusCode());
    DpopKey other = DpopKey.generate();
    HttpResponse<String> otherKey = dpop(keys, token, other.proof("GET", keys, token));
    assertEquals(401, otherKey.statusCode());
    assertTrue(otherKey.headers().firstValue("WWW-Authenticate").orElse("").contains("bound to another key"),
        otherKey.headers().toString());
    assertEquals(401, app.get("me", token).statusCode(), "a DPoP-bound token sent as Bearer");
    assertEquals(Map.of("jkt", key.thumbprint()), SignedJWT.parse(token).getJWTClaimsSet().getJSONObjectClaim("cnf"));
  }

  @Test
  void aTokenBoundToACertificateCarriesItsSha256ThumbprintBesideAnyDpopKey() throws Exception {
    TestCertificates.Identity client = TestCertificates.selfSigned("CN=shop-client");
    DpopKey key = DpopKey.generate();

    SignedJWT certificateBound = SignedJWT.parse(issuer.token().boundToCertificate(client.certificate()).sign());
    SignedJWT both = SignedJWT.parse(issuer.token().boundToCertificate(client.certificate()).boundTo(key).sign());

    assertEquals(Map.of("x5t#S256", client.thumbprint()),
        certificateBound.getJWTClaimsSet().getJSONObjectClaim("cnf"));
    assertEquals(Map.of("x5t#S256", client.thumbprint(), "jkt", key.thumbprint()),
        both.getJWTClaimsSet().getJSONObjectClaim("cnf"));
  }

  private static HttpResponse<String> dpop(URI uri, String token, String proof) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(uri).header("Authorization", "DPoP " + token).header("DPoP", proof)
        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void authTimeIsWrittenInSecondsAndNullRemovesIt() throws Exception {
    Instant signedIn = Instant.parse("2026-03-01T12:00:00.750Z");
    SignedJWT jwt = SignedJWT.parse(issuer.token().acr("mfa").authTime(signedIn).sign());
    assertEquals(signedIn.getEpochSecond(), jwt.getJWTClaimsSet().getLongClaim("auth_time"));
    assertEquals("mfa", jwt.getJWTClaimsSet().getStringClaim("acr"));
    SignedJWT without = SignedJWT.parse(issuer.token().authTime(signedIn).authTime(null).sign());
    assertFalse(without.getJWTClaimsSet().getClaims().containsKey("auth_time"));
  }

  @Test
  void chosenScopesSubjectClientAcrAndAudienceReachTheApplication() {
    String token = issuer.token().scopes("orders:read", "audit").subject("alice").clientId("shop-frontend")
        .acr("urn:mace:incommon:iap:silver").audience("shop-api", "billing-api").sign();

    HttpResponse<String> me = app.get("me", token);

    assertEquals(200, me.statusCode(), me.body());
    assertEquals("sub=alice\nclient_id=shop-frontend\niss=" + issuer.issuer() + "\nscopes=audit orders:read\n"
        + "acr=urn:mace:incommon:iap:silver\naud=[shop-api, billing-api]\n", me.body());
    assertEquals(200, app.get("orders", token).statusCode());
    assertEquals(403, app.get("orders", issuer.token().scopes("audit").sign()).statusCode());
  }

  @Test
  void tokensWithOneThingWrongAreRefusedForThatReason() {
    assertRefused("The token has expired.", issuer.token().scopes("orders:read").expired());
    assertRefused("The token is not valid yet.",
        issuer.token().scopes("orders:read").notBefore(Instant.now().plus(Duration.ofHours(2))));
    assertRefused("The token was not issued for this API (audience mismatch).", issuer.token().scopes("orders:read").audience("billing-api"));
    assertRefused("The token signature is invalid.", issuer.token().scopes("orders:read").forged());
    assertRefused("The token was not issued by the expected issuer.",
        issuer.token().scopes("orders:read").issuer("https://idp.example.com"));
    assertRefused("The token type (typ header) is not accepted for access tokens.",
        issuer.token().scopes("orders:read").type("id+jwt"));
  }

  @Test
  void typeJwtAndNoTypeAreAcceptedAsKeycloakAndOthersSendThem() {
    assertEquals(200, app.get("orders", issuer.token().scopes("orders:read").type("JWT").sign()).statusCode());
    assertEquals(200, app.get("orders", issuer.token().scopes("orders:read").type(null).sign()).statusCode());
  }

  @Test
  void anEs256IssuerPublishesAnEcKeyAndItsTokensAreAccepted() throws Exception {
    try (TestIssuer ec = TestIssuer.create("shop-api", TestIssuer.Algorithm.ES256);
        RunningApp ecApp = RunningApp.start(ec.config())) {
      String token = ec.token().scopes("orders:read").sign();

      assertEquals("ES256", SignedJWT.parse(token).getHeader().getAlgorithm().getName());
      assertEquals("ES256", ec.algorithm());
      assertTrue(HTTP.send(HttpRequest.newBuilder(ec.jwksUri()).build(), HttpResponse.BodyHandlers.ofString())
          .body().contains("\"kty\":\"EC\""));
      assertEquals(200, ecApp.get("orders", token).statusCode());
      assertEquals(401, ecApp.get("orders", ec.token().scopes("orders:read").forged().sign()).statusCode());
      assertEquals(401, ecApp.get("orders", issuer.token().scopes("orders:read").sign()).statusCode());
    }
  }

  @Test
  void aClosedIssuerReleasesItsPortAndRefusesToMintTokens() throws Exception {
    TestIssuer closed = TestIssuer.create("shop-api");
    URI discovery = URI.create(closed.issuer() + "/.well-known/openid-configuration");
    assertEquals(200, HTTP.send(HttpRequest.newBuilder(discovery).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode());

    closed.close();
    closed.close();

    assertThrows(ConnectException.class,
        () -> HTTP.send(HttpRequest.newBuilder(discovery).build(), HttpResponse.BodyHandlers.discarding()));
    IllegalStateException e = assertThrows(IllegalStateException.class, closed::token);
    assertEquals("This test issuer is closed: its port and keys are gone. Create a new one, or register it as a"
        + " static field to keep it for every test of the class.", e.getMessage());
  }

  @Test
  void aBlankAudienceIsRefusedWithTheFix() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TestIssuer.create(" "));
    assertEquals("The audience of a test issuer must not be blank; use the value the application under test"
        + " requires, for example orders-api.", e.getMessage());
  }

  private static void assertRefused(String description, TokenBuilder token) {
    HttpResponse<String> answer = app.get("orders", token.sign());
    assertEquals(401, answer.statusCode(), description);
    String challenge = answer.headers().firstValue("WWW-Authenticate").orElse("");
    assertTrue(challenge.contains("error=\"invalid_token\", error_description=\"" + description + "\""), challenge);
  }

  private static Map<String, Object> json(String url) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), url);
    assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
    return JSONObjectUtils.parse(response.body());
  }
}
