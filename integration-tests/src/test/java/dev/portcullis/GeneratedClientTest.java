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
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client stub the processor generated calls the protected API over real HTTP, through the
 * JAX-RS client of the implementation under test, with client_credentials tokens it obtains
 * from mock-oauth2-server; the server verifies them through discovery.
 */
class GeneratedClientTest {
  private static MockOAuth2Server authorizationServer;
  private static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    authorizationServer = new MockOAuth2Server();
    authorizationServer.start(InetAddress.getByName("127.0.0.1"), 0);
    app = TestApp.start(PortcullisConfig.builder().issuer(authorizationServer.issuerUrl("default").toString())
        .audience(KeyServer.AUDIENCE).build(), ItemsResource.class);
    String token = authorizationServer.issueToken("default", "items-service", new DefaultOAuth2TokenCallback(
        "default", "items-service", "JWT", List.of(KeyServer.AUDIENCE), Map.of("scope", "items:read"), 3600))
        .serialize();
    app.bearerOnceKeysLoaded("/items/0", token, Duration.ofSeconds(60));
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
    authorizationServer.shutdown();
  }

  /** A client whose next token, from the authorization server, grants {@code scope}. */
  private static ItemsClient client(String scope) {
    authorizationServer.enqueueCallback(new DefaultOAuth2TokenCallback("default", "items-service", "JWT",
        List.of(KeyServer.AUDIENCE), Map.of("scope", scope), 3600));
    return OAuthClients.builder(ItemsClient.class)
        .baseUri(app.base())
        .settings(OAuthClientSettings.builder()
            .tokenEndpoint(authorizationServer.tokenEndpointUrl("default").toString())
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
