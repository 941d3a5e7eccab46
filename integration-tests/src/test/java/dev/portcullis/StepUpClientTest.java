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
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A generated client calling endpoints that ask for step-up authentication with a
 * client_credentials token from mock-oauth2-server, which carries no {@code acr} or {@code
 * auth_time}: the API's 401 {@code insufficient_user_authentication} reaches the caller as {@link
 * InsufficientUserAuthenticationException} with the challenge's parameters, and is never replayed.
 */
class StepUpClientTest {
  @RegisterExtension
  static final TrustedAuthorizationServer authorizationServer = new TrustedAuthorizationServer();
  private static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    app = authorizationServer.start(AccountResource.class);
    authorizationServer.awaitKeys(app, "/account/plain", "account:read");
  }

  private static AccountClient client() {
    authorizationServer.enqueue("account-service", "account:read");
    authorizationServer.enqueue("account-service", "account:read");
    return OAuthClients.builder(AccountClient.class)
        .baseUri(app.base())
        .settings(OAuthClientSettings.builder()
            .tokenEndpoint(authorizationServer.tokenEndpoint())
            .clientId("account-service")
            .authentication(ClientAuthentication.clientSecretBasic("secret"))
            .build())
        .build();
  }

  /** How many token requests the authorization server received since the last call. */
  private static int tokenRequests() {
    return TokenRequests.since(authorizationServer.server()).size();
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
