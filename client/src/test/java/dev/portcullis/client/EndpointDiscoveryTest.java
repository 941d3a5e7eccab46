package dev.portcullis.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.internal.keys.IssuerMetadata;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Finding the token endpoint from the issuer, and refusing metadata of another issuer. */
class EndpointDiscoveryTest {
  @RegisterExtension
  final CheckingTokenEndpoint server = new CheckingTokenEndpoint();

  private TokenClient client() {
    return client(false);
  }

  private TokenClient client(boolean allowInsecureHttp) {
    return TokenClient.create(OAuthClientSettings.builder()
        .issuer(server.base() + "/realm")
        .clientId("billing")
        .authentication(ClientAuthentication.clientSecretBasic("s"))
        .retry(1, Duration.ZERO)
        .allowInsecureHttp(allowInsecureHttp)
        .build());
  }

  private void serveMetadataWithTokenEndpoint(String tokenEndpoint) {
    server.serve("/.well-known/oauth-authorization-server/realm", "{\"issuer\":\""
        + server.base() + "/realm\",\"token_endpoint\":\"" + tokenEndpoint + "\"}");
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
    assertEquals(List.of(URI.create("https://as.example/tenant/a/.well-known/openid-configuration"),
        URI.create("https://as.example/.well-known/oauth-authorization-server/tenant/a"),
        URI.create("https://as.example/tenant/a/.well-known/oauth-authorization-server")),
        locations("https://as.example/tenant/a"));
    assertEquals(List.of(URI.create("https://as.example/.well-known/openid-configuration"),
        URI.create("https://as.example/.well-known/oauth-authorization-server")),
        locations("https://as.example"));
  }

  private static List<URI> locations(String issuer) {
    return new IssuerMetadata(URI.create(issuer), Duration.ofSeconds(1), Duration.ofSeconds(1)).candidates();
  }

  @Test
  void relativeTokenEndpointInTheMetadataIsAConfigurationError() {
    serveMetadataWithTokenEndpoint("/token");

    ClientConfigurationException e = assertThrows(ClientConfigurationException.class,
        () -> client().token());

    assertEquals("The metadata of issuer " + server.base() + "/realm gives the token_endpoint"
        + " \"/token\", which is not an absolute http(s) URL, so this client cannot use it."
        + " Correct the authorization server's metadata, or configure the endpoint directly"
        + " (token-endpoint).", e.getMessage());
    assertEquals(0, server.requestCount());
  }

  @Test
  void fileTokenEndpointIsAConfigurationErrorEvenWithPlainHttpAllowed() {
    serveMetadataWithTokenEndpoint("file:///etc/passwd");

    ClientConfigurationException e = assertThrows(ClientConfigurationException.class,
        () -> client(true).token());

    assertTrue(e.getMessage().contains("\"file:///etc/passwd\", which is not an absolute"
        + " http(s) URL"), e.getMessage());
  }

  @Test
  void plainHttpTokenEndpointOnAnotherHostInTheMetadataIsAConfigurationError() {
    serveMetadataWithTokenEndpoint("http://as.example/token");

    ClientConfigurationException e = assertThrows(ClientConfigurationException.class,
        () -> client().token());

    assertTrue(e.getMessage().startsWith("The token_endpoint in the metadata of issuer "
        + server.base() + "/realm, http://as.example/token does not use https"), e.getMessage());
  }

  @Test
  void missingMetadataSaysToCheckTheIssuer() {
    TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class,
        () -> client().token());

    assertTrue(e.getMessage().contains("configure the token endpoint"), e.getMessage());
  }
}
