package dev.portcullis.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code token}: development tokens from the running sample, and clear errors for bad input. */
class TokenCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static SampleApp app;

  /** What a run printed and returned. */
  record Run(int exitCode, String out, String err) {}

  @BeforeAll
  static void start() {
    app = SampleApp.start(Map.of("PORT", "0"), new Properties());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static Run run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = TokenCommand.run(List.of(args), env, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8).trim(), err.toString(StandardCharsets.UTF_8).trim());
  }

  private static Run run(String... args) {
    return run(Map.of("PORT", Integer.toString(app.baseUri().getPort())), args);
  }

  private static JsonNode claims(String token) throws Exception {
    return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
  }

  private static int status(String path, String token) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(app.baseUri().resolve(path))
        .header("Authorization", "Bearer " + token).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void printsOnlyATokenThatTheSampleAccepts() throws Exception {
    Run run = run("--scope", "orders:read");
    assertEquals(0, run.exitCode(), run::err);
    assertEquals(1, run.out().lines().count(), run::out);
    JsonNode claims = claims(run.out());
    assertEquals("orders-api", claims.get("aud").asText());
    assertEquals("orders:read", claims.get("scope").asText());
    assertEquals("developer", claims.get("sub").asText());
    assertEquals(3600, claims.get("exp").asLong() - claims.get("iat").asLong(), 1);
    assertEquals(200, status("/api/orders", run.out()));
  }

  @Test
  void audienceAndLifetimeAreThoseAskedFor() throws Exception {
    Run run = run("--scope", "orders:read orders:write", "--audience=my-api", "--expires", "90s");
    assertEquals(0, run.exitCode(), run::err);
    JsonNode claims = claims(run.out());
    assertEquals("my-api", claims.get("aud").asText());
    assertEquals("orders:read orders:write", claims.get("scope").asText());
    assertEquals(90, claims.get("exp").asLong() - claims.get("iat").asLong(), 1);
    // Meant for another API, so the sample refuses it.
    assertEquals(401, status("/api/orders", run.out()));
  }

  @Test
  void durationsMayBeShortOrIso8601() {
    assertEquals(java.time.Duration.ofMinutes(5), TokenCommand.Request.expires("5m"));
    assertEquals(java.time.Duration.ofHours(1), TokenCommand.Request.expires("1h"));
    assertEquals(java.time.Duration.ofMinutes(10), TokenCommand.Request.expires("PT10M"));
    assertEquals(java.time.Duration.ofSeconds(30), TokenCommand.Request.expires("pt30s"));
  }

  @Test
  void badArgumentsSayWhatIsWrongAndExit2() {
    assertUsageError(run(), "Say which scopes the token should grant, for example --scope orders:read");
    assertUsageError(run("--scopes", "orders:read"), "Unknown option \"--scopes\"; the token command takes"
        + " --scope, --audience and --expires.");
    assertUsageError(run("--scope", "orders:read", "--audience"), "--audience needs a value, for example"
        + " --audience my-api.");
    assertUsageError(run("--scope", "orders:read", "--expires", "10 minutes"), "--expires is \"10 minutes\","
        + " which is not a duration; use a value such as 30s, 5m, 1h or PT10M.");
    assertUsageError(run("--scope", "orders:read", "--expires", "0s"), "--expires is \"0s\"; a development"
        + " token lives from 1s to 24h.");
    assertUsageError(run("--scope", "orders:read", "--expires", "2d"), "--expires is \"2d\"; a development"
        + " token lives from 1s to 24h.");
    assertUsageError(run("--scope", "orders:read", "--expires", "-PT5M"), "--expires is \"-PT5M\"; a"
        + " development token lives from 1s to 24h.");
  }

  @Test
  void withoutARunningSampleItSaysHowToStartOne() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    Run run = run(Map.of("PORT", Integer.toString(port)), "--scope", "orders:read");
    assertEquals(1, run.exitCode());
    assertEquals("", run.out());
    assertTrue(run.err().startsWith("No sample is listening on http://127.0.0.1:" + port + ". Start it in another"
        + " terminal (java -jar sample-app/target/portcullis-sample-app.jar)"), run::err);
  }

  private static void assertUsageError(Run run, String message) {
    assertEquals(2, run.exitCode(), run::err);
    assertEquals("", run.out());
    assertTrue(run.err().startsWith(message), run::err);
    assertTrue(run.err().endsWith("Usage: " + TokenCommand.USAGE), run::err);
  }
}
