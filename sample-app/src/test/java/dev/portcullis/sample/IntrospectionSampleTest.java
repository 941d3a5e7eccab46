package dev.portcullis.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample with {@code PORTCULLIS_INTROSPECTION_CLIENT_ID} and {@code _SECRET} set: its JWTs
 * are still verified locally, and other tokens are introspected at the embedded server's
 * introspection endpoint, found through discovery.
 */
class IntrospectionSampleTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static SampleApp app;

  @BeforeAll
  static void start() {
    app = SampleApp.start(Map.of("PORT", "0", "PORTCULLIS_INTROSPECTION_CLIENT_ID", "orders-api",
        "PORTCULLIS_INTROSPECTION_CLIENT_SECRET", "orders-api-secret"),
        new Properties());
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  private static HttpResponse<String> listOrders(String token) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(app.baseUri().resolve("/api/orders"))
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String token() throws Exception {
    String basic = Base64.getEncoder().encodeToString("reader:secret".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(app.devTokenEndpoint()))
        .header("Authorization", "Basic " + basic)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=orders:read"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return new ObjectMapper().readTree(response.body()).get("access_token").asText();
  }

  @Test
  void jwtsAreVerifiedLocallyAndOtherTokensAskedAbout() throws Exception {
    HttpResponse<String> accepted = listOrders(token());
    assertEquals(200, accepted.statusCode(), accepted.headers().toString());
    // Not a JWT: the embedded server's introspection endpoint says it is not active.
    HttpResponse<String> opaque = listOrders("2YotnFZFEjr1zCsicMWpAA");
    assertEquals(401, opaque.statusCode());
    assertTrue(opaque.headers().firstValue("WWW-Authenticate").orElseThrow()
        .contains("error_description=\"The token is not active.\""), opaque.headers().toString());
  }
}
