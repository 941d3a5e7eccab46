package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.client.ClientAuthentication;
import dev.portcullis.client.Grant;
import dev.portcullis.client.OAuthClientSettings;
import dev.portcullis.client.OAuthClients;
import dev.portcullis.client.PendingAuthorization;
import dev.portcullis.client.TokenStore;
import dev.portcullis.testapp.ItemsClient;
import dev.portcullis.testapp.ItemsResource;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A generated client for a signed-in user: the authorization code grant with PKCE at
 * mock-oauth2-server, requesting the scopes of {@code @OAuthClient} on {@link ItemsClient},
 * then calls to the protected API; and the same user's client created again from a {@link
 * TokenStore}, without a new sign-in.
 */
class SignedInClientTest {
  private static final URI REDIRECT = URI.create("http://127.0.0.1:9/callback");
  @RegisterExtension
  static final TrustedAuthorizationServer authorizationServer = new TrustedAuthorizationServer();
  private static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    app = authorizationServer.start(ItemsResource.class);
    authorizationServer.awaitKeys(app, "/items/0", "items:read");
  }

  private static OAuthClients.Builder<ItemsClient> builder(TokenStore store) {
    return OAuthClients.builder(ItemsClient.class)
        .baseUri(app.base())
        .settings(OAuthClientSettings.builder()
            .issuer(authorizationServer.issuer())
            .clientId("web")
            .authentication(ClientAuthentication.none())
            .grant(Grant.authorizationCode(REDIRECT))
            .scopes("openid")                      // in addition to the annotation's
            .build())
        .tokenStore(store, "alice");
  }

  @Test
  void theUserSignsInForTheAnnotationsScopesAndTheClientCallsWithTheirToken() throws Exception {
    OAuthClients.SignIn<ItemsClient> signIn = builder(TokenStore.inMemory()).signIn();
    PendingAuthorization pending = signIn.authorizationRequest();
    assertEquals(Set.of("items:read", "openid"), requestedScopes(pending.url()));

    authorizationServer.enqueue("alice", "items:read");
    ItemsClient items = signIn.completeAuthorization(pending, followToCallback(pending.url()));

    assertEquals("item 7", items.get("7"));
  }

  @Test
  void aClientBuiltAgainWithTheStoreAndKeyNeedsNoNewSignIn() throws Exception {
    TokenStore store = TokenStore.inMemory();
    OAuthClients.SignIn<ItemsClient> signIn = builder(store).signIn();
    PendingAuthorization pending = signIn.authorizationRequest();
    authorizationServer.enqueue("alice", "items:read");
    signIn.completeAuthorization(pending, followToCallback(pending.url()));
    // Drop the saved access token: the client built next must renew with the refresh token.
    String refreshToken = store.load("alice").orElseThrow().refreshToken();
    store.save("alice", refreshToken, new TokenStore.Tokens(refreshToken, null));

    authorizationServer.enqueue("alice", "items:read");
    ItemsClient afterRestart = builder(store).build();

    assertEquals("item 8", afterRestart.get("8"));
    TokenStore.Tokens saved = store.load("alice").orElseThrow();
    assertTrue(saved.accessToken() != null, "the renewed access token is saved");
  }

  @Test
  void withoutASavedAuthorizationTheClientSaysTheUserMustSignIn() {
    ItemsClient items = builder(TokenStore.inMemory()).build();

    RuntimeException e = assertThrows(RuntimeException.class, () -> items.get("7"));

    assertTrue(String.valueOf(e.getMessage()).contains("sign in"), String.valueOf(e));
  }

  private static Set<String> requestedScopes(URI authorizationUrl) {
    for (String parameter : authorizationUrl.getRawQuery().split("&")) {
      if (parameter.startsWith("scope=")) {
        return Set.of(URLDecoder.decode(parameter.substring(6), StandardCharsets.UTF_8).split(" "));
      }
    }
    return Set.of();
  }

  /** Plays the browser: the mock signs the user in without a form and redirects back. */
  private static URI followToCallback(URI authorizationUrl) throws Exception {
    HttpURLConnection connection = (HttpURLConnection) authorizationUrl.toURL().openConnection();
    connection.setInstanceFollowRedirects(false);
    try {
      if (connection.getResponseCode() != 302) {
        throw new AssertionError(connection.getResponseCode() + " " + new String(
            connection.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
      }
      return URI.create(connection.getHeaderField("Location"));
    } finally {
      connection.disconnect();
    }
  }
}
