package dev.portcullis.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.client.CheckingTokenEndpoint.Reply;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How the client reports a token endpoint that refuses, fails, is down, slow or talks nonsense. */
class TokenEndpointFailureTest {
  private static final String SECRET = "s3cret-value-never-shown";
  @RegisterExtension
  final CheckingTokenEndpoint endpoint = new CheckingTokenEndpoint();

  private TokenClient client(URI tokenUri, int attempts, Duration readTimeout) {
    return TokenClient.create(OAuthClientSettings.builder()
        .tokenEndpoint(tokenUri.toString())
        .clientId("billing")
        .authentication(ClientAuthentication.clientSecretBasic(SECRET))
        .retry(attempts, Duration.ofMillis(5))
        .readTimeout(readTimeout)
        .connectTimeout(Duration.ofSeconds(2))
        .build());
  }

  private TokenClient client() {
    return client(endpoint.tokenUri(), 3, Duration.ofSeconds(5));
  }

  @ParameterizedTest(name = "{0} (HTTP {1})")
  @CsvSource({
      "invalid_request, 400",
      "invalid_client, 401",
      "invalid_grant, 400",
      "unauthorized_client, 400",
      "unsupported_grant_type, 400",
      "invalid_scope, 400"})
  void everyRfc6749ErrorBecomesATypedExceptionWithoutRetrying(String error, int status) {
    endpoint.then(Reply.error(status, error));

    TokenRequestException e = assertThrows(TokenRequestException.class, () -> client().token());

    assertEquals(error, e.error());
    assertEquals("Described " + error, e.errorDescription().orElseThrow());
    assertEquals(URI.create("https://as.example/errors/" + error), e.errorUri().orElseThrow());
    assertEquals(status, e.httpStatus());
    assertTrue(e.getMessage().contains("\"" + error + "\""), e.getMessage());
    assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    assertEquals(1, endpoint.requestCount(), "section 5.2 errors are not retried");
  }

  @Test
  void unauthorizedClientNamesBothCausesBecauseSomeServersAnswerAWrongSecretWithIt() {
    endpoint.then(Reply.error(400, "unauthorized_client"));

    TokenRequestException e = assertThrows(TokenRequestException.class, () -> client().token());

    assertTrue(e.getMessage().contains("allow it for the client at the authorization server"), e.getMessage());
    assertTrue(e.getMessage().contains("check the client id and its secret or key"), e.getMessage());
  }

  @Test
  void unavailableThenOkIsRetriedAndSucceeds() {
    endpoint.then(Reply.error(503, "temporarily_unavailable"), Reply.token("second-try", 300));

    assertEquals("second-try", client().token().value());
    assertEquals(2, endpoint.requestCount());
  }

  @Test
  void persistentServerErrorsStopAfterTheConfiguredAttempts() {
    endpoint.otherwise(n -> Reply.json(500, "{}"));

    TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class,
        () -> client().token());

    assertEquals(3, endpoint.requestCount());
    assertTrue(e.getMessage().contains("answered HTTP 500 on all 3 attempts"), e.getMessage());
  }

  @Test
  void endpointThatIsDownIsReportedAsRefusedAfterRetries() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    TokenClient client = client(URI.create("http://127.0.0.1:" + closedPort + "/token"), 2,
        Duration.ofSeconds(1));

    TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class, client::token);

    assertTrue(e.getMessage().contains("refused the connection on all 2 attempts"),
        e.getMessage());
    assertFalse(e instanceof TokenRequestException);
  }

  @Test
  void slowEndpointTimesOutInsteadOfHanging() {
    endpoint.otherwise(n -> Reply.token("too-late", 300).delayed(3_000));
    long started = System.nanoTime();

    TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class,
        () -> client(endpoint.tokenUri(), 2, Duration.ofMillis(200)).token());

    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertTrue(e.getMessage().contains("timed out on all 2 attempts"), e.getMessage());
    assertEquals(2, endpoint.requestCount());
    assertTrue(took.compareTo(Duration.ofMillis(2_500)) < 0, "gave up after " + took);
  }

  @Test
  void nonJsonBodyIsAClearExceptionNotARetry() {
    endpoint.then(Reply.html("<html>login page</html>"));

    TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class,
        () -> client().token());

    assertTrue(e.getMessage().contains("not a JSON object"), e.getMessage());
    assertEquals(1, endpoint.requestCount());
  }

  @Test
  void okWithoutAccessTokenIsAClearException() {
    endpoint.then(Reply.json(200, "{\"token_type\":\"Bearer\",\"expires_in\":60}"));

    TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class,
        () -> client().token());

    assertTrue(e.getMessage().contains("\"access_token\""), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"DPoP", "N_A", "mac"})
  void tokenOfATypeTheClientCannotPresentIsRefused(String type) {
    endpoint.then(Reply.json(200, "{\"access_token\":\"a\",\"token_type\":\"" + type + "\","
        + "\"expires_in\":60}"));

    TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class,
        () -> client().token());

    assertTrue(e.getMessage().startsWith("The token endpoint " + endpoint.tokenUri()
        + " issued an access token of type \"" + type + "\", but this client can present only"
        + " Bearer tokens"), e.getMessage());
    assertTrue(e.getMessage().endsWith("Configure client billing at the authorization server to"
        + " be issued Bearer tokens."), e.getMessage());
    assertEquals(1, endpoint.requestCount());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Bearer", "bearer", "BEARER"})
  void bearerTokenTypeIsAcceptedInAnyCase(String type) {
    endpoint.then(Reply.json(200, "{\"access_token\":\"a\",\"token_type\":\"" + type + "\","
        + "\"expires_in\":60}"));

    assertEquals("Bearer", client().token().type());
  }

  @Test
  void errorStatusWithoutAnErrorCodeIsAClearException() {
    endpoint.then(Reply.json(403, "{\"message\":\"forbidden\"}"));

    TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class,
        () -> client().token());

    assertFalse(e instanceof TokenRequestException);
    assertTrue(e.getMessage().contains("HTTP 403 without an RFC 6749 error response"),
        e.getMessage());
  }

  @Test
  void tokenFromAnAnswerThatIsNotATokenResponseNeverAppearsInTheMessage() {
    endpoint.then(Reply.json(200, "{\"access_token\":\"leaked-token-value\"}"));

    TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class,
        () -> client().token());

    assertFalse(e.getMessage().contains("leaked-token-value"), e.getMessage());
  }

  @Test
  void redirectIsNotFollowedSoCredentialsStayWithTheConfiguredEndpoint() throws Exception {
    try (CheckingTokenEndpoint elsewhere = CheckingTokenEndpoint.start()) {
      endpoint.then(Reply.redirect(elsewhere.tokenUri()));

      TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class,
          () -> client().token());

      assertTrue(e.getMessage().contains("HTTP 302"), e.getMessage());
      assertEquals(0, elsewhere.requestCount());
    }
  }

  @Test
  void retryAfterFromTheServerLengthensTheWait() {
    endpoint.then(Reply.json(503, "{}").withHeader("Retry-After", "1"), Reply.token("later", 60));
    long started = System.nanoTime();

    assertEquals("later", client().token().value());

    assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 1_000);
  }

  @Test
  void retryAfterBeyondThirtySecondsIsReportedInsteadOfWaitedFor() {
    endpoint.then(Reply.json(429, "{}").withHeader("Retry-After", "3600"));

    TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class,
        () -> client().token());

    assertEquals(1, endpoint.requestCount());
    assertTrue(e.getMessage().contains("asked to be retried after 3600 seconds"),
        e.getMessage());
  }
}
