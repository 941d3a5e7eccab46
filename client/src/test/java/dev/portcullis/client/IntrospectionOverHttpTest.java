package dev.portcullis.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.portcullis.AccessTokenVerifier;
import dev.portcullis.PortcullisConfig;
import dev.portcullis.PortcullisConfigException;
import dev.portcullis.TokenPrincipal;
import dev.portcullis.TokenVerificationException;
import dev.portcullis.testing.CapturedLog;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Introspection (RFC 7662) over real HTTP: a loopback introspection endpoint this test
 * controls, and the resource server's verifier (found through {@link java.util.ServiceLoader})
 * asking it, with each client authentication method on the wire and each way the endpoint can
 * fail.
 */
class IntrospectionOverHttpTest {
  private static final String TOKEN = "2YotnFZFEjr1zCsicMWpAA";
  private static final String SECRET = "orders-api-secret-that-is-long-enough-for-hs256";

  /** One request as the endpoint saw it. */
  record Received(String path, Map<String, List<String>> headers, Map<String, List<String>> form) {
    String param(String name) {
      List<String> values = form.get(name);
      return values == null ? null : values.get(0);
    }

    String header(String name) {
      List<String> values = headers.get(name);
      return values == null ? null : values.get(0);
    }
  }

  private HttpServer server;
  private String issuer;
  private URI endpoint;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final CountDownLatch stopHanging = new CountDownLatch(1);
  private volatile int status = 200;
  private volatile String contentType = "application/json";
  private volatile String body;
  private volatile boolean hang;
  /** When set, the endpoint answers with this key's signed JWT (RFC 9701), when asked to. */
  private volatile RSAKey signer;
  private volatile String signedType = "token-introspection+jwt";
  private static final RSAKey ISSUER_KEY = generate("issuer-key");
  private static final RSAKey OTHER_KEY = generate("other-key");

  private static RSAKey generate(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).generate();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
  private CapturedLog introspectionLog;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/idp";
    endpoint = URI.create(issuer + "/introspect");
    body = activeAnswer("orders-api");
    server.createContext("/idp/introspect", this::introspect);
    server.createContext("/idp/.well-known/openid-configuration", exchange -> send(exchange, 200, "application/json",
        "{\"issuer\":\"" + issuer + "\",\"introspection_endpoint\":\"" + endpoint + "\",\"jwks_uri\":\"" + issuer
            + "/jwks\"}"));
    server.createContext("/idp/jwks", exchange -> send(exchange, 200, "application/json",
        new JWKSet(ISSUER_KEY.toPublicJWK()).toString()));
    server.start();
    introspectionLog = new CapturedLog("dev.portcullis.internal.verification.TokenIntrospection");
  }

  @AfterEach
  void stop() {
    introspectionLog.close();
    stopHanging.countDown();
    server.stop(0);
  }

  private String activeAnswer(String audience) {
    long now = Instant.now().getEpochSecond();
    return "{\"active\":true,\"iss\":\"" + issuer + "\",\"aud\":\"" + audience + "\",\"sub\":\"alice\","
        + "\"client_id\":\"orders-web\",\"scope\":\"orders:read\",\"token_type\":\"Bearer\",\"exp\":" + (now + 600)
        + "}";
  }

  private void introspect(HttpExchange exchange) throws IOException {
    String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    received.add(new Received(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
        CheckingTokenEndpoint.form(form)));
    if (hang) {
      try {
        stopHanging.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    String accept = exchange.getRequestHeaders().getFirst("Accept");
    if (signer != null && "application/token-introspection+jwt".equals(accept)) {
      try {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID())
            .type(new JOSEObjectType(signedType)).build(), new JWTClaimsSet.Builder().issuer(issuer)
            .audience("orders-api").issueTime(new java.util.Date())
            .claim("token_introspection", JSONObjectUtils.parse(body)).build());
        jwt.sign(new RSASSASigner(signer));
        send(exchange, 200, "application/token-introspection+jwt", jwt.serialize());
      } catch (Exception e) {
        send(exchange, 500, "text/plain", e.toString());
      }
      return;
    }
    send(exchange, status, contentType, body);
  }

  private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private PortcullisConfig.Builder config() {
    return PortcullisConfig.builder().issuer(issuer).audience("orders-api").introspectAllTokens(true)
        .introspectionEndpoint(endpoint).introspectionCacheTtl(Duration.ZERO).httpTimeout(Duration.ofMillis(500));
  }

  private AccessTokenVerifier verifier() {
    return AccessTokenVerifier.create(config().introspection("orders-api", SECRET).build());
  }

  private TokenVerificationException failure(AccessTokenVerifier verifier) {
    TokenVerificationException e = assertThrows(TokenVerificationException.class, () -> verifier.verify(TOKEN));
    assertFalse(e.getMessage().contains(TOKEN));
    return e;
  }

  private void assertUnavailable(AccessTokenVerifier verifier) {
    TokenVerificationException e = failure(verifier);
    assertEquals("The token could not be verified because the authorization server's introspection endpoint is"
        + " unavailable.", e.getMessage());
    assertEquals(Duration.ofSeconds(5), e.retryAfter().orElseThrow());
    for (LogRecord record : introspectionLog.records()) {
      assertFalse(String.valueOf(record.getMessage()).contains(TOKEN));
      assertFalse(String.valueOf(record.getMessage()).contains(SECRET));
    }
  }

  @Test
  void clientSecretBasicAuthenticatesTheResourceServerAndTheAnswerGivesThePrincipal() throws Exception {
    TokenPrincipal principal = verifier().verify(TOKEN);
    assertEquals("alice", principal.subject());
    assertEquals(Set.of("orders:read"), principal.scopes());
    Received request = received.get(0);
    assertEquals(TOKEN, request.param("token"));
    assertTrue(request.header("Content-type").startsWith("application/x-www-form-urlencoded"));
    assertEquals("Basic " + Base64.getEncoder().encodeToString(("orders-api:" + SECRET)
        .getBytes(StandardCharsets.UTF_8)), request.header("Authorization"));
    assertNull(request.param("client_secret"));
  }

  @Test
  void clientSecretPostSendsTheCredentialsAsFormFields() throws Exception {
    AccessTokenVerifier verifier = AccessTokenVerifier.create(config().introspection("orders-api", SECRET)
        .introspectionClientAuth("client_secret_post").build());
    verifier.verify(TOKEN);
    Received request = received.get(0);
    assertEquals("orders-api", request.param("client_id"));
    assertEquals(SECRET, request.param("client_secret"));
    assertNull(request.header("Authorization"));
  }

  @Test
  void privateKeyJwtSendsAnAssertionForTheEndpointSignedWithTheKey() throws Exception {
    AccessTokenVerifier verifier = AccessTokenVerifier.create(config()
        .introspectionWithKey("orders-api", Keys.file("rsa-pkcs8.pem"), "key-7").build());
    verifier.verify(TOKEN);
    Received request = received.get(0);
    assertEquals("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", request.param("client_assertion_type"));
    SignedJWT assertion = SignedJWT.parse(request.param("client_assertion"));
    assertTrue(assertion.verify(new RSASSAVerifier((RSAPublicKey) Keys.publicKey("rsa-pkcs8.pub.pem", "RSA"))));
    assertEquals("key-7", assertion.getHeader().getKeyID());
    assertEquals("orders-api", assertion.getJWTClaimsSet().getSubject());
    assertEquals(List.of(endpoint.toString()), assertion.getJWTClaimsSet().getAudience());
    assertNull(request.header("Authorization"));
  }

  @Test
  void clientSecretJwtSendsAnHmacAssertion() throws Exception {
    AccessTokenVerifier verifier = AccessTokenVerifier.create(config().introspection("orders-api", SECRET)
        .introspectionClientAuth("client_secret_jwt").build());
    verifier.verify(TOKEN);
    SignedJWT assertion = SignedJWT.parse(received.get(0).param("client_assertion"));
    assertEquals("HS256", assertion.getHeader().getAlgorithm().getName());
    assertTrue(assertion.verify(new com.nimbusds.jose.crypto.MACVerifier(SECRET)));
  }

  @Test
  void anUnreadableKeyFileFailsAtStartup(@TempDir Path dir) throws IOException {
    Path key = Files.writeString(dir.resolve("key.pem"), "not a key");
    PortcullisConfig config = config().introspectionWithKey("orders-api", key, null).build();
    PortcullisConfigException e = assertThrows(PortcullisConfigException.class, () -> AccessTokenVerifier.create(config));
    assertTrue(e.getMessage().startsWith("The introspection client authentication cannot be set up: "), e.getMessage());
  }

  @Test
  void inactiveWrongAudienceAndWrongIssuerAreVerdicts() {
    body = "{\"active\":false}";
    assertEquals("The token is not active.", failure(verifier()).getMessage());
    body = activeAnswer("billing-api");
    assertEquals("The token was not issued for this API (audience mismatch).", failure(verifier()).getMessage());
    body = activeAnswer("orders-api").replace(issuer, "https://evil.example.com");
    assertEquals("The token was not issued by the expected issuer.", failure(verifier()).getMessage());
    body = activeAnswer("orders-api").replaceAll("\"exp\":\\d+", "\"exp\":" + (Instant.now().getEpochSecond() - 300));
    assertEquals("The token has expired.", failure(verifier()).getMessage());
    assertTrue(failure(verifier()).retryAfter().isEmpty());
  }

  @Test
  void anAnswerThatIsNotAnIntrospectionResponseIsAnUnavailableEndpoint() {
    contentType = "text/html";
    body = "<html>Service maintenance</html>";
    assertUnavailable(verifier());
    contentType = "application/json";
    body = "{\"active\":\"yes\"}";
    assertUnavailable(verifier());
    body = "[1,2]";
    assertUnavailable(verifier());
  }

  @Test
  void aServerErrorIsAnUnavailableEndpoint() {
    status = 500;
    body = "{\"error\":\"server_error\"}";
    assertUnavailable(verifier());
  }

  @Test
  void aRefusalOfTheResourceServersCredentialsIsLoggedNamingTheSettings() {
    status = 401;
    body = "{\"error\":\"invalid_client\"}";
    assertUnavailable(verifier());
    LogRecord warning = introspectionLog.records().stream()
        .filter(r -> r.getLevel() == java.util.logging.Level.WARNING).findFirst().orElseThrow();
    String text = java.text.MessageFormat.format(warning.getMessage(), warning.getParameters());
    assertTrue(text.contains("HTTP 401 with error \"invalid_client\""), text);
    assertTrue(text.contains("portcullis.introspection-client-secret"), text);
  }

  @Test
  void aSlowEndpointIsGivenUpAfterTheTimeout() {
    hang = true;
    assertUnavailable(verifier());
  }

  @Test
  void anUnreachableEndpointIsAnUnavailableEndpoint() {
    server.stop(0);
    assertUnavailable(verifier());
  }

  @Test
  void theEndpointIsFoundInTheIssuersMetadata() throws Exception {
    AccessTokenVerifier verifier = AccessTokenVerifier.create(PortcullisConfig.builder().issuer(issuer)
        .audience("orders-api").introspectAllTokens(true).introspection("orders-api", SECRET).build());
    assertEquals("alice", verifier.verify(TOKEN).subject());
    assertEquals("/idp/introspect", received.get(0).path());
  }

  @Test
  void signedAnswersAreVerifiedWithTheIssuersKeys() throws Exception {
    signer = ISSUER_KEY;
    AccessTokenVerifier verifier = AccessTokenVerifier.create(config().introspection("orders-api", SECRET)
        .introspectionJwtResponse(true).build());
    assertEquals("alice", verifier.verify(TOKEN).subject());
    assertEquals("application/token-introspection+jwt", received.get(0).header("Accept"));

    signer = OTHER_KEY;
    assertUnavailable(verifier);
    signer = ISSUER_KEY;
    signedType = "JWT";
    assertUnavailable(verifier);
    signedType = "token-introspection+jwt";
    signer = null; // plain JSON, though a signed answer was asked for
    assertUnavailable(verifier);
    signer = ISSUER_KEY;
    body = "{\"active\":false}";
    assertEquals("The token is not active.", failure(verifier).getMessage());
  }
}
