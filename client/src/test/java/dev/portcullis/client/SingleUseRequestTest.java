package dev.portcullis.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.client.CheckingTokenEndpoint.Reply;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A request that spends a refresh token or an authorization code is sent again only when it
 * surely was not processed: the connection failed, or the server answered 429 or 503 with
 * Retry-After. Otherwise the server may have used the token or code, and sending it again
 * would look like reuse.
 */
class SingleUseRequestTest {
  private static final URI REDIRECT = URI.create("http://127.0.0.1:9/callback");
  @RegisterExtension
  final CheckingTokenEndpoint endpoint = new CheckingTokenEndpoint();

  private TokenClient client(URI tokenUri, Grant grant) {
    return TokenClient.create(OAuthClientSettings.builder()
        .tokenEndpoint(tokenUri.toString())
        .authorizationEndpoint("https://as.example/authorize")
        .clientId("billing")
        .authentication(ClientAuthentication.clientSecretPost("secret"))
        .grant(grant)
        .retry(3, Duration.ofMillis(5))
        .connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofMillis(300))
        .build());
  }

  private TokenClient refreshing() {
    return client(endpoint.tokenUri(), Grant.refreshToken("r1"));
  }

  @Test
  void refreshThatTimedOutIsNotSentAgain() {
    endpoint.then(Reply.token("too-late", 600).delayed(2_000));

    TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class,
        refreshing()::token);

    assertEquals("The token endpoint " + endpoint.tokenUri() + " timed out on a refresh token"
        + " request, which is not sent again: the authorization server may have processed it,"
        + " and a refresh token is accepted only once. The next token request tries the refresh"
        + " token again; if the server had used it, the session has ended. Check that the"
        + " authorization server is up and answers within the read-timeout.", e.getMessage());
    assertEquals(1, endpoint.requestCount());
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {500, 502, 503, 504, 429})
  void refreshAnsweredWithAServerErrorIsNotSentAgain(int status) {
    endpoint.then(Reply.json(status, "{}"), Reply.token("second", 600));

    TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class,
        refreshing()::token);

    assertTrue(e.getMessage().contains("answered HTTP " + status + " on a refresh token request,"
        + " which is not sent again"), e.getMessage());
    assertEquals(1, endpoint.requestCount());
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {429, 503})
  void refreshTheServerSaysItDidNotProcessIsSentAgain(int status) {
    endpoint.then(Reply.json(status, "{}").withHeader("Retry-After", "0"),
        Reply.token("second", 600));

    assertEquals("second", refreshing().token().value());
    assertEquals(2, endpoint.requestCount());
  }

  @Test
  void refreshToAnEndpointThatRefusesConnectionsIsTriedOnEveryAttempt() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    TokenClient client = client(URI.create("http://127.0.0.1:" + closedPort + "/token"),
        Grant.refreshToken("r1"));

    TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class, client::token);

    assertTrue(e.getMessage().contains("refused the connection on all 3 attempts"),
        e.getMessage());
  }

  @Test
  void refreshWhoseConnectionClosedBeforeAnAnswerIsNotResentByTheHttpClient() {
    endpoint.then(Reply.hangUp(), Reply.token("resent", 600));

    TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class,
        refreshing()::token);

    assertTrue(e.getMessage().contains("on a refresh token request, which is not sent again"),
        e.getMessage());
    assertEquals(1, endpoint.requestCount());
  }

  @Test
  void codeRedemptionThatTimedOutIsNotSentAgain() {
    endpoint.then(Reply.token("too-late", 600).delayed(2_000));
    TokenClient client = client(endpoint.tokenUri(), Grant.authorizationCode(REDIRECT));
    PendingAuthorization pending = client.authorizationRequest();

    TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class,
        () -> client.completeAuthorization(pending,
            URI.create(REDIRECT + "?code=c&state=" + pending.state())));

    assertEquals("The token endpoint " + endpoint.tokenUri() + " timed out on an authorization"
        + " code request, which is not sent again: the authorization server may have processed"
        + " it, and an authorization code is accepted only once. Start a new authorization"
        + " request, and check that the authorization server is up and answers within the"
        + " read-timeout.", e.getMessage());
    assertEquals(1, endpoint.requestCount());
  }

  @Test
  void clientCredentialsRequestThatTimedOutIsSentAgain() {
    endpoint.then(Reply.token("too-late", 600).delayed(2_000), Reply.token("second", 600));

    assertEquals("second", client(endpoint.tokenUri(), Grant.clientCredentials()).token()
        .value());
    assertEquals(2, endpoint.requestCount());
  }
}
