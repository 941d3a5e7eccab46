package dev.portcullis.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Finding the token endpoint from the issuer, and refusing metadata of another issuer. */
class EndpointDiscoveryTest {
  private CheckingTokenEndpoint server;

  @BeforeEach
  void start() throws Exception {
    server = new CheckingTokenEndpoint();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private TokenClient client() {
    return TokenClient.create(OAuthClientSettings.builder()
        .issuer(server.base() + "/realm")
        .clientId("billing")
        .authentication(ClientAuthentication.clientSecretBasic("s"))
        .retry(1, Duration.ZERO)
        .build());
  }

  @Test
  void rfc8414MetadataIsUsedWhenThereIsNoOpenIdConfiguration() {
    server.serve("/.well-known/oauth-authorization-server/realm", "{\"issuer\":\""
        + server.base() + "/realm\",\"token_endpoint\":\"" + server.tokenUri() + "\"}");

    assertEquals("token-1", client().token().value());
    assertEquals(1, server.requestCount());
  }

  @Test
  void openIdConfigurationIsPreferred() {
    server.serve("/realm/.well-known/openid-configuration", "{\"issuer\":\"" + server.base()
        + "/realm\",\"token_endpoint\":\"" + server.tokenUri() + "\",\"jwks_uri\":\""
        + server.base() + "/jwks\",\"authorization_endpoint\":\"" + server.base()
        + "/authorize\",\"subject_types_supported\":[\"public\"],"
        + "\"response_types_supported\":[\"code\"],"
        + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}");

    assertEquals("token-1", client().token().value());
  }

  @Test
  void metadataNamingAnotherIssuerIsRefusedAndNoTokenIsRequested() {
    server.serve("/.well-known/oauth-authorization-server/realm", "{\"issuer\":"
        + "\"https://attacker.example\",\"token_endpoint\":\"" + server.tokenUri() + "\"}");

    TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class,
        () -> client().token());

    assertTrue(e.getMessage().startsWith("The metadata of issuer " + server.base() + "/realm"
        + " could not be loaded"), e.getMessage());
    assertTrue(e.getMessage().contains("names the issuer \"https://attacker.example\""),
        e.getMessage());
    assertEquals(0, server.requestCount());
  }

  @Test
  void appendedWellKnownLocationIsTriedForServersThatUseIt() {
    server.serve("/realm/.well-known/oauth-authorization-server", "{\"issuer\":\""
        + server.base() + "/realm\",\"token_endpoint\":\"" + server.tokenUri() + "\"}");

    assertEquals("token-1", client().token().value());
  }

  @Test
  void rfc8414InsertsTheWellKnownSegmentBetweenHostAndPath() {
    assertEquals(List.of(URI.create("https://as.example/.well-known/oauth-authorization-server"
        + "/tenant/a"), URI.create("https://as.example/tenant/a/.well-known/"
        + "oauth-authorization-server")),
        List.copyOf(EndpointDiscovery.rfc8414Locations(URI.create("https://as.example/tenant/a"))));
    assertEquals(List.of(URI.create("https://as.example/.well-known/oauth-authorization-server")),
        List.copyOf(EndpointDiscovery.rfc8414Locations(URI.create("https://as.example"))));
  }

  @Test
  void missingMetadataSaysToCheckTheIssuer() {
    TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class,
        () -> client().token());

    assertTrue(e.getMessage().contains("configure the token endpoint"), e.getMessage());
  }
}
