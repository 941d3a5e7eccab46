package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.client.ClientAuthentication;
import dev.portcullis.client.OAuthClientSettings;
import dev.portcullis.client.OAuthClients;
import dev.portcullis.testapp.ItemsClient;
import dev.portcullis.testapp.ItemsResource;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.core.HttpHeaders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The client stub the processor generated calls the protected API over real HTTP, through the
 * JAX-RS client of the implementation under test, with client_credentials tokens it obtains
 * from mock-oauth2-server; the server verifies them through discovery.
 */
class GeneratedClientTest {
  @RegisterExtension
  static final TrustedAuthorizationServer authorizationServer = new TrustedAuthorizationServer();
  private static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    app = authorizationServer.start(ItemsResource.class);
    authorizationServer.awaitKeys(app, "/items/0", "items:read");
  }

  /** A client whose next token, from the authorization server, grants {@code scope}. */
  private static ItemsClient client(String scope) {
    authorizationServer.enqueue("items-service", scope);
    return OAuthClients.builder(ItemsClient.class)
        .baseUri(app.base())
        .settings(OAuthClientSettings.builder()
            .tokenEndpoint(authorizationServer.tokenEndpoint())
            .clientId("items-service")
            .authentication(ClientAuthentication.clientSecretBasic("secret"))
            .build())
        .build();
  }

  @Test
  void stubCallsTheApiWithTheTokenItObtained() {
    assertEquals("item 7", client("items:read").get("7"));
  }

  @Test
  void pathParameterIsSentAsOneEncodedSegment() {
    assertEquals("item a b", client("items:read").get("a b"));
  }

  @Test
  void insufficientScopeReachesTheCallerAsForbiddenWithTheChallenge() {
    ItemsClient reader = client("profile");
    ForbiddenException refused = assertThrows(ForbiddenException.class, () -> reader.get("7"));
    String challenge = refused.getResponse().getHeaderString(HttpHeaders.WWW_AUTHENTICATE);
    assertTrue(challenge.contains("error=\"insufficient_scope\""), challenge);
    assertTrue(challenge.contains("scope=\"items:read\""), challenge);
  }
}
