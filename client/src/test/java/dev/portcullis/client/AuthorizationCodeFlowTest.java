package dev.portcullis.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.client.CheckingTokenEndpoint.Reply;
import dev.portcullis.testing.MutableClock;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The authorization code grant with PKCE S256: the URL, the state check, the exchange. */
class AuthorizationCodeFlowTest {
  private static final URI REDIRECT = URI.create("http://127.0.0.1:9/callback");
  @RegisterExtension
  final CheckingTokenEndpoint endpoint = new CheckingTokenEndpoint();
  private TokenClient client;

  @BeforeEach
  void start() throws Exception {
    client = TokenClient.create(OAuthClientSettings.builder()
        .tokenEndpoint(endpoint.tokenUri().toString())
        .authorizationEndpoint("https://as.example/authorize")
        .clientId("spa")
        .authentication(ClientAuthentication.none())
        .grant(Grant.authorizationCode(REDIRECT))
        .scopes("orders:read")
        .build());
  }

  @Test
  void authorizationUrlCarriesAnS256ChallengeOfTheVerifierAndTheState() throws Exception {
    PendingAuthorization pending = client.authorizationRequest();

    Map<String, List<String>> query = CheckingTokenEndpoint.form(pending.url().getRawQuery());
    assertTrue(pending.url().toString().startsWith("https://as.example/authorize?"));
    assertEquals("code", query.get("response_type").get(0));
    assertEquals("spa", query.get("client_id").get(0));
    assertEquals(REDIRECT.toString(), query.get("redirect_uri").get(0));
    assertEquals("orders:read", query.get("scope").get(0));
    assertEquals(pending.state(), query.get("state").get(0));
    assertEquals("S256", query.get("code_challenge_method").get(0));
    byte[] digest = MessageDigest.getInstance("SHA-256")
        .digest(pending.codeVerifier().getBytes(StandardCharsets.US_ASCII));
    assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(digest),
        query.get("code_challenge").get(0));
    assertTrue(pending.codeVerifier().length() >= 43, "RFC 7636 verifier length");
  }

  @Test
  void everyAuthorizationRequestHasItsOwnStateAndVerifier() {
    PendingAuthorization first = client.authorizationRequest();
    PendingAuthorization second = client.authorizationRequest();

    assertNotEquals(first.state(), second.state());
    assertNotEquals(first.codeVerifier(), second.codeVerifier());
  }

  @Test
  void callbackWithMatchingStateExchangesTheCodeWithTheVerifier() {
    PendingAuthorization pending = client.authorizationRequest();

    AccessToken token = client.completeAuthorization(pending,
        URI.create(REDIRECT + "?code=the-code&state=" + pending.state()));

    CheckingTokenEndpoint.Received request = endpoint.last();
    assertEquals("authorization_code", request.param("grant_type"));
    assertEquals("the-code", request.param("code"));
    assertEquals(pending.codeVerifier(), request.param("code_verifier"));
    assertEquals(REDIRECT.toString(), request.param("redirect_uri"));
    assertEquals("spa", request.param("client_id"));
    assertEquals(token.value(), client.token().value(), "the exchanged token is cached");
    assertEquals(1, endpoint.requestCount());
  }

  @Test
  void callbackWithAnotherStateIsRejectedBeforeAnyTokenRequest() {
    PendingAuthorization pending = client.authorizationRequest();

    TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class,
        () -> client.completeAuthorization(pending,
            URI.create(REDIRECT + "?code=the-code&state=forged")));

    assertTrue(e.getMessage().contains("state"), e.getMessage());
    assertEquals(0, endpoint.requestCount());
  }

  @Test
  void callbackWithoutStateIsRejected() {
    PendingAuthorization pending = client.authorizationRequest();

    assertThrows(TokenAcquisitionException.class, () -> client.completeAuthorization(pending,
        URI.create(REDIRECT + "?code=the-code")));
    assertEquals(0, endpoint.requestCount());
  }

  @Test
  void callbackWithAnErrorReportsIt() {
    PendingAuthorization pending = client.authorizationRequest();

    TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class,
        () -> client.completeAuthorization(pending, URI.create(REDIRECT
            + "?error=access_denied&state=" + pending.state())));

    assertTrue(e.getMessage().contains("access_denied"), e.getMessage());
    assertEquals(0, endpoint.requestCount());
  }

  @Test
  void tokenBeforeSignInSaysAUserMustSignIn() {
    TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class, client::token);

    assertTrue(e.getMessage().contains("authorizationRequest()"), e.getMessage());
    assertEquals(0, endpoint.requestCount());
  }

  @Test
  void refusedRefreshTokenIsNotRetriedAndTheUserMustSignInAgain() {
    MutableClock clock = new MutableClock(Instant.now());
    TokenClient signedIn = TokenClient.create(OAuthClientSettings.builder()
        .tokenEndpoint(endpoint.tokenUri().toString())
        .authorizationEndpoint("https://as.example/authorize")
        .clientId("spa")
        .authentication(ClientAuthentication.none())
        .grant(Grant.authorizationCode(REDIRECT))
        .retry(1, Duration.ZERO)
        .clock(clock)
        .build());
    endpoint.then(Reply.json(200, "{\"access_token\":\"a1\","
        + "\"token_type\":\"Bearer\",\"expires_in\":300,\"refresh_token\":\"r1\"}"),
        Reply.error(400, "invalid_grant"));
    PendingAuthorization pending = signedIn.authorizationRequest();
    signedIn.completeAuthorization(pending,
        URI.create(REDIRECT + "?code=c&state=" + pending.state()));
    clock.advance(Duration.ofSeconds(300));

    TokenRequestException refused = assertThrows(TokenRequestException.class, signedIn::token);
    TokenAcquisitionException again = assertThrows(TokenAcquisitionException.class,
        signedIn::token);

    assertEquals("invalid_grant", refused.error());
    assertTrue(again.getMessage().contains("a user must sign in"), again.getMessage());
    assertEquals("r1", endpoint.last().param("refresh_token"));
    assertEquals(2, endpoint.requestCount(), "the refused refresh token is not sent again");
  }

  @Test
  void callbackFromAnotherIssuerIsRejectedAndFromTheConfiguredOneAccepted() {
    TokenClient withIssuer = TokenClient.create(OAuthClientSettings.builder()
        .issuer("https://as.example")
        .tokenEndpoint(endpoint.tokenUri().toString())
        .authorizationEndpoint("https://as.example/authorize")
        .clientId("spa")
        .authentication(ClientAuthentication.none())
        .grant(Grant.authorizationCode(REDIRECT))
        .build());
    PendingAuthorization pending = withIssuer.authorizationRequest();

    TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class,
        () -> withIssuer.completeAuthorization(pending, URI.create(REDIRECT
            + "?code=c&state=" + pending.state() + "&iss=https%3A%2F%2Fevil.example")));
    assertTrue(e.getMessage().contains("from issuer https://evil.example"), e.getMessage());
    assertEquals(0, endpoint.requestCount());

    withIssuer.completeAuthorization(pending, URI.create(REDIRECT + "?code=c&state="
        + pending.state() + "&iss=https%3A%2F%2Fas.example"));
    assertEquals(1, endpoint.requestCount());
  }

  /** A client whose endpoints come from RFC 8414 metadata with {@code moreMetadata}. */
  private TokenClient discoveringClient(String issuer, String moreMetadata) {
    endpoint.serve("/.well-known/oauth-authorization-server/realm", "{\"issuer\":\"" + issuer
        + "\",\"token_endpoint\":\"" + endpoint.tokenUri() + "\",\"authorization_endpoint\":\""
        + endpoint.base() + "/authorize\"" + moreMetadata + "}");
    return TokenClient.create(OAuthClientSettings.builder()
        .issuer(issuer)
        .clientId("spa")
        .authentication(ClientAuthentication.none())
        .grant(Grant.authorizationCode(REDIRECT))
        .build());
  }

  @Test
  void callbackWithoutIssIsRejectedWhenTheMetadataSaysTheServerSendsIt() {
    String issuer = endpoint.base() + "/realm";
    TokenClient discovering = discoveringClient(issuer,
        ",\"authorization_response_iss_parameter_supported\":true");
    PendingAuthorization pending = discovering.authorizationRequest();

    TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class,
        () -> discovering.completeAuthorization(pending,
            URI.create(REDIRECT + "?code=c&state=" + pending.state())));
    assertEquals("The authorization callback has no iss parameter, but the metadata of issuer "
        + issuer + " says its authorization responses carry one"
        + " (authorization_response_iss_parameter_supported, RFC 9207), so the code may have"
        + " been obtained from another authorization server. Start a new authorization"
        + " request.", e.getMessage());
    assertEquals(0, endpoint.requestCount());

    discovering.completeAuthorization(pending, URI.create(REDIRECT + "?code=c&state="
        + pending.state() + "&iss=" + URLEncoder.encode(issuer, StandardCharsets.UTF_8)));
    assertEquals(1, endpoint.requestCount());
  }

  @Test
  void callbackWithoutIssIsAcceptedWhenTheMetadataDoesNotPromiseIt() {
    TokenClient discovering = discoveringClient(endpoint.base() + "/realm", "");
    PendingAuthorization pending = discovering.authorizationRequest();

    discovering.completeAuthorization(pending,
        URI.create(REDIRECT + "?code=c&state=" + pending.state()));

    assertEquals(1, endpoint.requestCount());
  }
}
