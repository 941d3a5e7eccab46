package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testapp.OrdersResource;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * RFC 9728: the feature serves /.well-known/oauth-protected-resource, publicly, and every
 * Bearer challenge points at it with resource_metadata (section 5.1), both built from the
 * configured resource identifier and never from the request's Host.
 */
class ProtectedResourceMetadataTest {
  private static final String WELL_KNOWN = "/.well-known/oauth-protected-resource";
  private static final URI RESOURCE = URI.create("https://api.example.com");
  @RegisterExtension
  static final KeyServer keys = KeyServer.started();

  private static PortcullisConfig.Builder config() {
    return PortcullisConfig.builder().issuer(keys.issuer).audience(KeyServer.AUDIENCE).resource(RESOURCE);
  }

  /** A raw GET naming {@code host} in its Host header, as a client or a cache in front may send it. */
  private static String getWithHost(TestApp app, String path, String host, String... headers) throws IOException {
    StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n");
    for (String header : headers) {
      request.append(header).append("\r\n");
    }
    return app.raw(request.append("Connection: close\r\n\r\n").toString());
  }

  @Test
  void metadataIsPublicAndNamesTheIssuerTheScopesInUseAndTheHeaderMethod() {
    try (TestApp app = TestApp.start(config().build(), OrdersResource.class)) {
      Answer answer = app.get(WELL_KNOWN);
      assertEquals(200, answer.status(), answer.body());
      assertTrue(answer.header("Content-Type").startsWith("application/json"), answer.header("Content-Type"));
      assertEquals("{\"resource\":\"" + RESOURCE + "\""
          + ",\"authorization_servers\":[\"" + keys.issuer + "\"]"
          + ",\"scopes_supported\":[\"audit\",\"ops\",\"orders:admin\",\"orders:read\",\"orders:write\"]"
          + ",\"bearer_methods_supported\":[\"header\"]}", answer.body());
    }
  }

  @Test
  void everyChallengeNamesTheMetadataUrl() {
    try (TestApp app = TestApp.start(config().build(), OrdersResource.class)) {
      String expected = "resource_metadata=\"" + RESOURCE + WELL_KNOWN + "\"";
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
  void aForgedHostReachesNeitherTheMetadataNorTheChallenge() throws IOException {
    try (TestApp app = TestApp.start(config().build(), OrdersResource.class)) {
      String metadata = getWithHost(app, WELL_KNOWN, "attacker.example");
      assertTrue(metadata.startsWith("HTTP/1.1 200"), metadata);
      assertTrue(metadata.contains("{\"resource\":\"https://api.example.com\","), metadata);
      assertFalse(metadata.contains("attacker"), metadata);
      for (String[] headers : new String[][] {{}, {"Authorization: Bearer not.a.token"}}) {
        String challenge = getWithHost(app, "/orders", "attacker.example", headers);
        assertTrue(challenge.startsWith("HTTP/1.1 401"), challenge);
        assertTrue(challenge.contains("resource_metadata=\"https://api.example.com" + WELL_KNOWN + "\""), challenge);
        assertFalse(challenge.contains("attacker"), challenge);
      }
    }
  }

  @Test
  void withoutAConfiguredResourceNoMetadataIsServedOrNamed() throws IOException {
    PortcullisConfig config = keys.config().build();
    try (TestApp app = TestApp.start(config, OrdersResource.class)) {
      String metadata = getWithHost(app, WELL_KNOWN, "attacker.example");
      assertTrue(metadata.startsWith("HTTP/1.1 404"), metadata);
      assertFalse(metadata.contains("attacker"), metadata);
      String challenge = getWithHost(app, "/orders", "attacker.example");
      assertTrue(challenge.toLowerCase(Locale.ROOT).contains("www-authenticate: bearer realm=\"orders-api\"\r\n"),
          challenge);
      assertFalse(challenge.contains("attacker"), challenge);
    }
  }

  @Test
  void startupSaysWhatToSetWhenNoResourceIsConfigured() {
    List<String> logged = StartupLog.of(PortcullisConfig.builder().issuer(keys.issuer).audience(KeyServer.AUDIENCE)
        .build(), OrdersResource.class);
    assertEquals(List.of("INFO: Portcullis serves no RFC 9728 metadata and names none in challenges, because"
        + " portcullis.resource (environment PORTCULLIS_RESOURCE) is not set; set it to this API's public base URL,"
        + " such as https://api.example.com, or set portcullis.resource-metadata=false to say you do not want it."),
        logged.stream().filter(line -> line.contains("RFC 9728")).toList());
    assertEquals(List.of(), StartupLog.of(config().build(), OrdersResource.class).stream()
        .filter(line -> line.contains("RFC 9728")).toList(), "nothing to say with a resource");
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
      assertEquals("GET, HEAD, OPTIONS", post.header("Allow"));
    }
  }
}
