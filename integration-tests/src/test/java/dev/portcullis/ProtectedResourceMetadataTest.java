package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testapp.OrdersResource;
import java.io.IOException;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RFC 9728: the feature serves /.well-known/oauth-protected-resource, publicly, and every
 * Bearer challenge points at it with resource_metadata (section 5.1).
 */
class ProtectedResourceMetadataTest {
  private static final String WELL_KNOWN = "/.well-known/oauth-protected-resource";
  private static KeyServer keys;

  @BeforeAll
  static void start() throws IOException {
    keys = new KeyServer();
  }

  @AfterAll
  static void stop() {
    keys.close();
  }

  private static PortcullisConfig.Builder config() {
    return PortcullisConfig.builder().issuer(keys.issuer).audience(KeyServer.AUDIENCE);
  }

  @Test
  void metadataIsPublicAndNamesTheIssuerTheScopesInUseAndTheHeaderMethod() {
    try (TestApp app = TestApp.start(config().build(), OrdersResource.class)) {
      Answer answer = app.get(WELL_KNOWN);
      assertEquals(200, answer.status(), answer.body());
      assertTrue(answer.header("Content-Type").startsWith("application/json"), answer.header("Content-Type"));
      assertEquals("{\"resource\":\"" + app.base() + "\""
          + ",\"authorization_servers\":[\"" + keys.issuer + "\"]"
          + ",\"scopes_supported\":[\"audit\",\"ops\",\"orders:admin\",\"orders:read\",\"orders:write\"]"
          + ",\"bearer_methods_supported\":[\"header\"]}", answer.body());
    }
  }

  @Test
  void everyChallengeNamesTheMetadataUrl() {
    try (TestApp app = TestApp.start(config().build(), OrdersResource.class)) {
      String expected = "resource_metadata=\"" + app.base() + WELL_KNOWN + "\"";
      Answer missing = app.get("/orders");
      assertEquals(401, missing.status());
      assertTrue(missing.challenge().endsWith(", " + expected), missing.challenge());
      Answer invalid = app.bearer("/orders", "not.a.token");
      assertEquals(401, invalid.status());
      assertTrue(invalid.challenge().contains(expected), invalid.challenge());
      Answer forbidden = app.bearer("/orders/1", keys.token("orders:write"));
      assertEquals(403, forbidden.status());
      assertTrue(forbidden.challenge().contains(expected), forbidden.challenge());
      Answer badRequest = app.get("/orders?access_token=x");
      assertEquals(400, badRequest.status());
      assertTrue(badRequest.challenge().contains(expected), badRequest.challenge());
    }
  }

  @Test
  void configuredResourceNameAndDocumentationArePublished() {
    PortcullisConfig config = config()
        .resource(URI.create("https://api.example.com"))
        .resourceName("Orders \"API\"")
        .resourceDocumentation(URI.create("https://docs.example.com/orders"))
        .build();
    try (TestApp app = TestApp.start(config, OrdersResource.class)) {
      String body = app.get(WELL_KNOWN).body();
      assertTrue(body.startsWith("{\"resource\":\"https://api.example.com\","), body);
      assertTrue(body.contains(",\"resource_name\":\"Orders \\\"API\\\"\""), body);
      assertTrue(body.endsWith(",\"resource_documentation\":\"https://docs.example.com/orders\"}"), body);
    }
  }

  @Test
  void metadataCanBeSwitchedOff() {
    try (TestApp app = TestApp.start(config().resourceMetadata(false).build(), OrdersResource.class)) {
      assertEquals(404, app.get(WELL_KNOWN).status());
      Answer missing = app.get("/orders");
      assertEquals("Bearer realm=\"orders-api\"", missing.challenge());
      assertFalse(missing.challenge().contains("resource_metadata"));
    }
  }

  @Test
  void metadataAnswersOnlyReads() {
    try (TestApp app = TestApp.start(config().build(), OrdersResource.class)) {
      Answer post = app.send("POST", WELL_KNOWN, "{}");
      assertEquals(405, post.status());
      assertEquals("GET, HEAD", post.header("Allow"));
    }
  }
}
