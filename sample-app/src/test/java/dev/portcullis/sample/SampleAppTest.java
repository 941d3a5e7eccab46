package dev.portcullis.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
 * The sample app as DESIGN.md describes it: every route answers as its row in the table says,
 * with tokens from the embedded development authorization server, over real HTTP.
 */
class SampleAppTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static SampleApp app;
  private static String reader;
  private static String writer;
  private static String admin;

  @BeforeAll
  static void start() throws Exception {
    app = SampleApp.start(Map.of("PORT", "0"), new Properties());
    reader = token("reader", "orders:read");
    writer = token("writer", "orders:read orders:write");
    admin = token("admin", "orders:read orders:write orders:admin");
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void healthIsPublic() throws Exception {
    HttpResponse<String> response = send("GET", "/health", null, null);
    assertEquals(200, response.statusCode());
    assertEquals("UP", JSON.readTree(response.body()).get("status").asText());
  }

  @Test
  void protectedResourceMetadataIsPublicAndNamesTheIssuer() throws Exception {
    HttpResponse<String> response = send("GET", "/.well-known/oauth-protected-resource", null, null);
    assertEquals(200, response.statusCode());
    JsonNode metadata = JSON.readTree(response.body());
    assertEquals(app.issuer(), metadata.get("authorization_servers").get(0).asText());
    assertEquals("header", metadata.get("bearer_methods_supported").get(0).asText());
    assertEquals(app.baseUri().toString().replaceAll("/$", ""), metadata.get("resource").asText());
    assertEquals("[\"orders:admin\",\"orders:read\",\"orders:write\"]", metadata.get("scopes_supported").toString());
    assertEquals("Portcullis sample Orders API", metadata.get("resource_name").asText());
  }

  @Test
  void challengesPointAtTheProtectedResourceMetadata() throws Exception {
    String challenge = send("GET", "/api/orders", null, null).headers().firstValue("WWW-Authenticate").orElseThrow();
    assertTrue(challenge.endsWith("resource_metadata=\"" + app.baseUri().toString().replaceAll("/$", "")
        + "/.well-known/oauth-protected-resource\""), challenge);
  }

  @Test
  void meWithoutATokenIsAChallengeWithoutErrorCode() throws Exception {
    HttpResponse<String> response = send("GET", "/api/me", null, null);
    assertEquals(401, response.statusCode());
    String challenge = response.headers().firstValue("WWW-Authenticate").orElseThrow();
    assertTrue(challenge.startsWith("Bearer realm="), challenge);
    assertFalse(challenge.contains("error="), challenge);
  }

  @Test
  void meShowsSubjectClientAndScopesOfAnyValidToken() throws Exception {
    HttpResponse<String> response = send("GET", "/api/me", reader, null);
    assertEquals(200, response.statusCode(), response.body());
    JsonNode me = JSON.readTree(response.body());
    assertEquals("reader", me.get("sub").asText());
    assertEquals("reader", me.get("client_id").asText());
    assertEquals("orders:read", me.get("scopes").get(0).asText());
    assertEquals(1, me.get("scopes").size());
  }

  @Test
  void readerListsAndReadsOrders() throws Exception {
    assertEquals(200, send("GET", "/api/orders", reader, null).statusCode());
    HttpResponse<String> one = send("GET", "/api/orders/1", reader, null);
    assertEquals(200, one.statusCode());
    assertEquals("1", JSON.readTree(one.body()).get("id").asText());
    assertEquals(404, send("GET", "/api/orders/999999", reader, null).statusCode());
  }

  @Test
  void ordersWithoutATokenAre401() throws Exception {
    assertEquals(401, send("GET", "/api/orders", null, null).statusCode());
    assertEquals(401, send("GET", "/api/orders/1", null, null).statusCode());
    assertEquals(401, send("POST", "/api/orders", null, "{\"item\":\"tea\",\"quantity\":1}").statusCode());
    assertEquals(401, send("DELETE", "/api/orders/1", null, null).statusCode());
  }

  @Test
  void readerMayNotCreateAndIsToldWhichScopeIsMissing() throws Exception {
    HttpResponse<String> response = send("POST", "/api/orders", reader, "{\"item\":\"tea\",\"quantity\":1}");
    assertEquals(403, response.statusCode());
    String challenge = response.headers().firstValue("WWW-Authenticate").orElseThrow();
    assertTrue(challenge.contains("error=\"insufficient_scope\""), challenge);
    assertTrue(challenge.contains("scope=\"orders:write\""), challenge);
  }

  @Test
  void writerCreatesButMayNotDelete() throws Exception {
    HttpResponse<String> created = send("POST", "/api/orders", writer, "{\"item\":\"tea\",\"quantity\":3}");
    assertEquals(201, created.statusCode(), created.body());
    String id = JSON.readTree(created.body()).get("id").asText();
    assertTrue(created.headers().firstValue("Location").orElseThrow().endsWith("/api/orders/" + id));

    HttpResponse<String> refused = send("DELETE", "/api/orders/" + id, writer, null);
    assertEquals(403, refused.statusCode());
    assertTrue(refused.headers().firstValue("WWW-Authenticate").orElseThrow().contains("scope=\"orders:admin\""));
  }

  @Test
  void adminDeletes() throws Exception {
    HttpResponse<String> created = send("POST", "/api/orders", admin, "{\"item\":\"mugs\",\"quantity\":2}");
    String id = JSON.readTree(created.body()).get("id").asText();
    assertEquals(204, send("DELETE", "/api/orders/" + id, admin, null).statusCode());
    assertEquals(404, send("GET", "/api/orders/" + id, admin, null).statusCode());
  }

  @Test
  void aBrokenTokenIsInvalidToken() throws Exception {
    HttpResponse<String> response = send("GET", "/api/orders", "not.a.token", null);
    assertEquals(401, response.statusCode());
    assertTrue(response.headers().firstValue("WWW-Authenticate").orElseThrow().contains("error=\"invalid_token\""));
  }

  @Test
  void aTokenWhoseAudienceWasRewrittenIsRefused() throws Exception {
    HttpResponse<String> response = send("GET", "/api/orders", withAudienceRewritten(reader), null);
    assertEquals(401, response.statusCode());
    assertTrue(response.headers().firstValue("WWW-Authenticate").orElseThrow().contains("error=\"invalid_token\""));
  }

  /** The token with its aud claim changed and its original signature kept. */
  private static String withAudienceRewritten(String token) {
    String[] parts = token.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
        .replace("\"orders-api\"", "\"another-api\"");
    return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
        + "." + parts[2];
  }

  private static String token(String client, String scope) throws IOException, InterruptedException {
    String basic = Base64.getEncoder().encodeToString((client + ":secret").getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create(app.devTokenEndpoint()))
        .header("Authorization", "Basic " + basic)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + scope.replace(" ", "%20")))
        .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return JSON.readTree(response.body()).get("access_token").asText();
  }

  private static HttpResponse<String> send(String method, String path, String token, String json)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(app.baseUri().resolve(path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (json != null) {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString(json));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertTrue(response.statusCode() < 500, () -> method + " " + path + " answered " + response.statusCode());
    return response;
  }
}
