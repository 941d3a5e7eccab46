package dev.portcullis.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.client.CheckingTokenEndpoint.Received;
import dev.portcullis.client.CheckingTokenEndpoint.Reply;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Signing out (RFC 7009): every token the client holds is forgotten, then revoked. */
class RevocationTest {
  @RegisterExtension
  final CheckingTokenEndpoint endpoint = new CheckingTokenEndpoint();

  private OAuthClientSettings.Builder settings(Grant grant) {
    return OAuthClientSettings.builder()
        .tokenEndpoint(endpoint.tokenUri().toString())
        .clientId("billing")
        .authentication(ClientAuthentication.clientSecretPost("s3cret"))
        .grant(grant)
        .scopes("orders:read")
        .retry(1, Duration.ZERO);
  }

  private static Reply tokens(String accessToken, String refreshToken) {
    return Reply.json(200, "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\","
        + "\"expires_in\":600,\"refresh_token\":\"" + refreshToken + "\"}");
  }

  private List<Received> revocations() {
    return endpoint.received().stream().filter(request -> request.param("token") != null)
        .collect(Collectors.toList());
  }

  @Test
  void theRefreshTokenThenTheAccessTokensAreRevokedWithTheClientsAuthentication() {
    endpoint.then(tokens("a1", "r2"), tokens("a2", "r3"));
    TokenClient client = TokenClient.create(settings(Grant.refreshToken("r1"))
        .revocationEndpoint(endpoint.revocationUri().toString()).build());
    client.token();
    client.forScopes(java.util.Set.of("orders:write")).token();
    endpoint.then(Reply.json(200, ""), Reply.json(200, ""), Reply.json(200, ""));

    client.revoke();

    List<Received> revoked = revocations();
    List<String> sent = revoked.stream().map(r -> r.param("token") + " " + r.param("token_type_hint")).toList();
    assertEquals("r3 refresh_token", sent.get(0), "the current refresh token goes first: " + sent);
    assertEquals(java.util.Set.of("a1 access_token", "a2 access_token"), java.util.Set.copyOf(sent.subList(1, 3)));
    assertEquals(3, sent.size());
    for (Received request : revoked) {
      assertEquals("billing", request.param("client_id"));
      assertEquals("s3cret", request.param("client_secret"));
    }
  }

  @Test
  void afterSigningOutTheSessionIsOverAndNothingIsSentAgain() {
    endpoint.then(tokens("a1", "r2"), Reply.json(200, ""), Reply.json(200, ""));
    TokenClient client = TokenClient.create(settings(Grant.refreshToken("r1"))
        .revocationEndpoint(endpoint.revocationUri().toString()).build());
    client.token();
    client.revoke();
    int requests = endpoint.requestCount();

    TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class, client::token);

    assertTrue(e.getMessage().contains("has no usable refresh token"), e.getMessage());
    assertEquals(requests, endpoint.requestCount(), "the revoked refresh token is never sent again");
  }

  @Test
  void aClientCredentialsClientRevokesItsAccessTokenAndGetsANewOneNextTime() {
    endpoint.then(Reply.token("a1", 600), Reply.json(200, ""), Reply.token("a2", 600));
    TokenClient client = TokenClient.create(settings(Grant.clientCredentials())
        .revocationEndpoint(endpoint.revocationUri().toString()).build());
    assertEquals("a1", client.token().value());

    client.revoke();

    assertEquals(List.of("a1"), revocations().stream().map(r -> r.param("token")).toList());
    assertEquals("a2", client.token().value());
  }

  @Test
  void theRevocationEndpointIsDiscoveredFromTheIssuer() {
    String issuer = endpoint.base() + "/realm";
    endpoint.serve("/realm/.well-known/openid-configuration", "{\"issuer\":\"" + issuer + "\","
        + "\"token_endpoint\":\"" + endpoint.tokenUri() + "\",\"revocation_endpoint\":\""
        + endpoint.revocationUri() + "\",\"jwks_uri\":\"" + issuer + "/jwks\","
        + "\"subject_types_supported\":[\"public\"],\"response_types_supported\":[\"code\"],"
        + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}");
    endpoint.then(Reply.token("a1", 600), Reply.json(200, ""));
    TokenClient client = TokenClient.create(OAuthClientSettings.builder()
        .issuer(issuer).clientId("billing").authentication(ClientAuthentication.clientSecretPost("s3cret"))
        .scopes("orders:read").retry(1, Duration.ZERO).build());
    client.token();

    client.revoke();

    assertEquals(List.of("a1"), revocations().stream().map(r -> r.param("token")).toList());
  }

  @Test
  void withoutARevocationEndpointNothingIsForgottenAndTheMessageSaysWhatToConfigure() {
    endpoint.then(Reply.token("a1", 600));
    TokenClient client = TokenClient.create(settings(Grant.clientCredentials()).build());
    client.token();

    ClientConfigurationException e = assertThrows(ClientConfigurationException.class, client::revoke);

    assertEquals("Client billing cannot revoke tokens: it has no revocation endpoint. Configure it"
        + " (revocation-endpoint, or revocationEndpoint(...) on the builder).", e.getMessage());
    assertEquals("a1", client.token().value(), "the token is still there");
    assertEquals(1, endpoint.requestCount());
  }

  @Test
  void aRefusalIsReportedWithoutTheTokenAndTheOtherTokensAreStillRevoked() {
    endpoint.then(tokens("a1", "r2"),
        Reply.error(400, "unsupported_token_type"), Reply.json(200, ""));
    TokenClient client = TokenClient.create(settings(Grant.refreshToken("r1"))
        .revocationEndpoint(endpoint.revocationUri().toString()).build());
    client.token();

    TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class, client::revoke);

    assertEquals("The revocation endpoint " + endpoint.revocationUri() + " refused to revoke the refresh"
        + " token with error \"unsupported_token_type\" (HTTP 400): Described unsupported_token_type."
        + " The token is forgotten here but may still be valid at the authorization server until it"
        + " expires; check the client's authentication and that the server supports revoking this"
        + " kind of token.", e.getMessage());
    assertFalse(e.getMessage().contains("r2") || e.getMessage().contains("s3cret"), e.getMessage());
    assertEquals(List.of("r2", "a1"), revocations().stream().map(r -> r.param("token")).toList());
  }
}
