package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testapp.ItemsResource;
import dev.portcullis.testapp.MeResource;
import dev.portcullis.testapp.NotesResource;
import dev.portcullis.testapp.OrdersResource;
import dev.portcullis.testapp.PlainResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which token reaches which method, and what the resource sees in its SecurityContext. */
class ScopeRulesTest {
  private static KeyServer keys;
  private static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    keys = new KeyServer();
    // Exact RFC 6750 challenges here; the RFC 9728 resource_metadata parameter has its own test.
    app = TestApp.start(PortcullisConfig.builder().issuer(keys.issuer).audience(KeyServer.AUDIENCE)
            .resourceMetadata(false).build(),
        OrdersResource.class, MeResource.class, PlainResource.class, ItemsResource.class, NotesResource.class);
  }

  @AfterAll
  static void stop() {
    app.close();
    keys.close();
  }

  private static void assertInsufficientScope(Answer answer, String scopes) {
    assertEquals(403, answer.status(), answer::toString);
    assertEquals("Bearer realm=\"orders-api\", error=\"insufficient_scope\", error_description=\"The token does"
        + " not grant the scope this endpoint requires.\", scope=\"" + scopes + "\"", answer.challenge());
    assertEquals("{\"error\":\"insufficient_scope\",\"error_description\":\"The token does not grant the scope"
        + " this endpoint requires.\",\"scope\":\"" + scopes + "\"}", answer.body());
    assertEquals("no-store", answer.header("Cache-Control"));
  }

  @Test
  void requestWithoutTokenGets401WithRealmAndNoErrorCode() {
    Answer answer = app.get("/orders");
    assertEquals(401, answer.status());
    assertEquals("Bearer realm=\"orders-api\"", answer.challenge());
    assertEquals("no-store", answer.header("Cache-Control"));
    assertTrue(answer.header("Content-Type").startsWith("application/json"));
  }

  @Test
  void otherAuthorizationSchemeCountsAsNoBearerToken() {
    Answer answer = app.get("/orders", "Authorization", "Basic YWxpY2U6c2VjcmV0");
    assertEquals(401, answer.status());
    assertEquals("Bearer realm=\"orders-api\"", answer.challenge());
  }

  @Test
  void lowerCaseSchemeAndSeveralSpacesAreAccepted() {
    assertEquals(200, app.get("/orders", "Authorization", "bearer " + keys.token("orders:read")).status());
    assertEquals(200, app.get("/orders", "Authorization", "BEARER   " + keys.token("orders:read")).status());
  }

  @Test
  void bearerSchemeWithoutTokenIsAnInvalidRequest() {
    Answer answer = app.get("/orders", "Authorization", "Bearer");
    assertEquals(400, answer.status());
    assertTrue(answer.challenge().contains("error=\"invalid_request\""), answer::toString);
  }

  @Test
  void tokenInTheQueryStringIsRefusedWithInvalidRequest() {
    Answer answer = app.get("/orders?access_token=" + keys.token("orders:read"));
    assertEquals(400, answer.status());
    assertTrue(answer.challenge().contains("error=\"invalid_request\""), answer::toString);
    assertTrue(answer.body().startsWith("{\"error\":\"invalid_request\""), answer::toString);
  }

  @Test
  void tokenInHeaderAndQueryStringIsRefusedWithInvalidRequest() {
    String token = keys.token("orders:read");
    Answer answer = app.get("/orders?access_token=" + token, "Authorization", "Bearer " + token);
    assertEquals(400, answer.status());
    assertTrue(answer.challenge().contains("error=\"invalid_request\""), answer::toString);
  }

  @Test
  void twoAuthorizationHeadersAreRefusedWithInvalidRequest() throws Exception {
    String token = keys.token("orders:read");
    String response = app.raw("GET /orders HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
        + "\r\nAuthorization: Bearer " + token + "\r\nConnection: close\r\n\r\n");
    assertTrue(response.startsWith("HTTP/1.1 400"), response);
    assertTrue(response.contains("error=\"invalid_request\""), response);
  }

  @Test
  void tokenInAFormBodyIsRefusedWithInvalidRequest() {
    String token = keys.token("orders:read");
    Answer answer = app.send("POST", "/orders/search", "q=x&access_token=" + token,
        "Content-Type", "application/x-www-form-urlencoded", "Authorization", "Bearer " + token);
    assertEquals(400, answer.status(), answer::toString);
    assertTrue(answer.challenge().contains("error=\"invalid_request\""), answer::toString);
  }

  @Test
  void formBodyWithoutATokenStillReachesTheResourceIntact() {
    Answer answer = app.send("POST", "/orders/search", "q=blue+shoes&page=2",
        "Content-Type", "application/x-www-form-urlencoded", "Authorization", "Bearer " + keys.token("orders:read"));
    assertEquals(200, answer.status(), answer::toString);
    assertEquals("search blue shoes", answer.body());
  }

  @Test
  void classScopeAppliesToMethodsWithoutTheirOwn() {
    assertEquals(200, app.bearer("/orders/7", keys.token("orders:read")).status());
    assertInsufficientScope(app.bearer("/orders/7", keys.token("orders:write")), "orders:read");
  }

  @Test
  void methodScopeReplacesTheClassScope() {
    Answer created = app.send("POST", "/orders", "{}", "Authorization", "Bearer " + keys.token("orders:write"));
    assertEquals(200, created.status(), created::toString);
    assertInsufficientScope(
        app.send("POST", "/orders", "{}", "Authorization", "Bearer " + keys.token("orders:read")), "orders:write");
  }

  @Test
  void anyMatchNeedsOneOfTheScopes() {
    assertEquals(200, app.send("DELETE", "/orders/1", "", "Authorization", "Bearer " + keys.token("ops")).status());
    assertEquals(200,
        app.send("DELETE", "/orders/1", "", "Authorization", "Bearer " + keys.token("orders:admin")).status());
    assertInsufficientScope(
        app.send("DELETE", "/orders/1", "", "Authorization", "Bearer " + keys.token("orders:read")),
        "orders:admin ops");
  }

  @Test
  void allMatchNeedsEveryScope() {
    assertEquals(200, app.bearer("/orders/audit", keys.token("audit orders:read")).status());
    assertInsufficientScope(app.bearer("/orders/audit", keys.token("orders:read")), "orders:read audit");
  }

  @Test
  void tokenOnlyMethodAcceptsAnyValidTokenButNotNone() {
    assertEquals(200, app.bearer("/orders/count", keys.token((String) null)).status());
    assertEquals(401, app.get("/orders/count").status());
  }

  @Test
  void publicMethodNeedsNoTokenAndIgnoresABadOne() {
    Answer answer = app.get("/me/ping", "Authorization", "Bearer not-a-jwt");
    assertEquals(200, answer.status());
    assertEquals("pong principal=null", answer.body());
  }

  @Test
  void resourceWithoutAnnotationsIsLeftAlone() {
    assertEquals(200, app.get("/plain").status());
  }

  @Test
  void scopesDeclaredOnAnInterfaceProtectTheImplementation() {
    assertEquals(401, app.get("/items/4").status());
    assertInsufficientScope(app.bearer("/items/4", keys.token("orders:read")), "items:read");
    assertEquals("item 4", app.bearer("/items/4", keys.token("items:read")).body());
  }

  @Test
  void scopesOnAGenericInterfaceMethodProtectTheImplementation() {
    assertEquals(401, app.send("POST", "/notes", "hi").status());
    assertInsufficientScope(
        app.send("POST", "/notes", "hi", "Authorization", "Bearer " + keys.token("orders:read")), "notes:write");
    Answer ok = app.send("POST", "/notes", "hi", "Authorization", "Bearer " + keys.token("notes:write"));
    assertEquals("note hi", ok.body(), ok::toString);
  }

  @Test
  void securityContextCarriesTheVerifiedToken() {
    String token = keys.token(c -> c.claim("scope", "orders:read profile").claim("tenant", "acme"));
    Answer answer = app.bearer("/me", token);
    assertEquals(200, answer.status(), answer::toString);
    String body = answer.body();
    assertTrue(body.contains("name=alice\n"), body);
    assertTrue(body.contains("subject=alice\n"), body);
    assertTrue(body.contains("clientId=shop-frontend\n"), body);
    assertTrue(body.contains("issuer=" + keys.issuer + "\n"), body);
    assertTrue(body.contains("scopes=[orders:read, profile]\n"), body);
    assertTrue(body.contains("claim.tenant=acme\n"), body);
    assertTrue(body.contains("claimsFrozen=true\n"), body);
    assertTrue(body.contains("role.orders:read=true\n"), body);
    assertTrue(body.contains("role.orders:admin=false\n"), body);
    assertTrue(body.contains("scheme=Bearer\n"), body);
    assertTrue(body.contains("secure=false\n"), body);
    assertFalse(body.contains(token.substring(0, 20)), body);
  }

  @Test
  void clientIdFallsBackToAzpAndNameToClientIdWithoutSubject() {
    String token = keys.token(c -> c.subject(null).claim("client_id", null).claim("azp", "batch-job"));
    String body = app.bearer("/me", token).body();
    assertTrue(body.contains("name=batch-job\n"), body);
    assertTrue(body.contains("clientId=batch-job\n"), body);
    assertTrue(body.contains("subject=null\n"), body);
  }

  @Test
  void unprotectedRequestsSeeNoTokenChallengeHeaders() {
    assertNull(app.get("/plain").challenge());
  }
}
