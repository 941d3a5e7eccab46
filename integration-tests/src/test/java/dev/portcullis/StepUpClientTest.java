package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.client.ClientAuthentication;
import dev.portcullis.client.InsufficientUserAuthenticationException;
import dev.portcullis.client.OAuthClientSettings;
import dev.portcullis.client.OAuthClients;
import dev.portcullis.testapp.AccountClient;
import dev.portcullis.testapp.AccountResource;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A generated client calling endpoints that ask for step-up authentication with a
 * client_credentials token from mock-oauth2-server, which carries no {@code acr} or {@code
 * auth_time}: the API's 401 {@code insufficient_user_authentication} reaches the caller as {@link
 * InsufficientUserAuthenticationException} with the challenge's parameters, and is never replayed.
 */
class StepUpClientTest {
  private static MockOAuth2Server authorizationServer;
  private static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    authorizationServer = new MockOAuth2Server();
    authorizationServer.start(InetAddress.getByName("127.0.0.1"), 0);
    app = TestApp.start(PortcullisConfig.builder().issuer(authorizationServer.issuerUrl("default").toString())
        .audience(KeyServer.AUDIENCE).build(), AccountResource.class);
    String token = authorizationServer.issueToken("default", "account-service", new DefaultOAuth2TokenCallback(
        "default", "account-service", "JWT", List.of(KeyServer.AUDIENCE), Map.of("scope", "account:read"), 3600))
        .serialize();
    app.bearerOnceKeysLoaded("/account/plain", token, Duration.ofSeconds(60));
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
    authorizationServer.shutdown();
  }

  private static AccountClient client() {
    authorizationServer.enqueueCallback(new DefaultOAuth2TokenCallback("default", "account-service", "JWT",
        List.of(KeyServer.AUDIENCE), Map.of("scope", "account:read"), 3600));
    authorizationServer.enqueueCallback(new DefaultOAuth2TokenCallback("default", "account-service", "JWT",
        List.of(KeyServer.AUDIENCE), Map.of("scope", "account:read"), 3600));
    return OAuthClients.builder(AccountClient.class)
        .baseUri(app.base())
        .settings(OAuthClientSettings.builder()
            .tokenEndpoint(authorizationServer.tokenEndpointUrl("default").toString())
            .clientId("account-service")
            .authentication(ClientAuthentication.clientSecretBasic("secret"))
            .build())
        .build();
  }

  /** How many token requests the authorization server received since the last call. */
  private static int tokenRequests() {
    return TokenRequests.since(authorizationServer).size();
  }

  @Test
  void acrTheTokenLacksReachesTheCallerAsTheTypedExceptionWithTheAcceptedValues() {
    tokenRequests();
    AccountClient account = client();
    InsufficientUserAuthenticationException refused =
        assertThrows(InsufficientUserAuthenticationException.class, account::show);
    assertEquals(List.of("mfa", "phr"), refused.acrValues());
    assertEquals(OptionalLong.empty(), refused.maxAge());
    assertEquals(401, refused.getResponse().getStatus());
    assertTrue(refused.getMessage().contains("acr_values \"mfa phr\""), refused.getMessage());
  }

  @Test
  void maxAgeTheTokenCannotMeetIsNotReplayedEvenForAnIdempotentMethod() {
    tokenRequests();
    AccountClient account = client();
    InsufficientUserAuthenticationException refused =
        assertThrows(InsufficientUserAuthenticationException.class, account::close);
    assertEquals(List.of(), refused.acrValues());
    assertEquals(OptionalLong.of(60), refused.maxAge());
    assertEquals(1, tokenRequests(), "a new token was requested to replay the call");
  }
}
