package dev.portcullis.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.client.CheckingTokenEndpoint.Reply;
import dev.portcullis.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A user's authorization kept in a {@link TokenStore}: resumed by a new client, its refresh
 * token rotated once whichever client refreshes, and a replaced or refused one never sent.
 */
class TokenStoreTest {
  private static final URI REDIRECT = URI.create("http://127.0.0.1:9/callback");
  private final MutableClock clock = new MutableClock();
  private final TokenStore store = TokenStore.inMemory();
  @RegisterExtension
  final CheckingTokenEndpoint endpoint = new CheckingTokenEndpoint();

  private OAuthClientSettings settings(Grant grant) {
    return OAuthClientSettings.builder()
        .tokenEndpoint(endpoint.tokenUri().toString())
        .authorizationEndpoint("https://as.example/authorize")
        .clientId("web")
        .authentication(ClientAuthentication.clientSecretPost("secret"))
        .grant(grant)
        .scopes("orders:read")
        .retry(1, Duration.ZERO)
        .clock(clock)
        .build();
  }

  private TokenClient client(String key) {
    return TokenClient.create(settings(Grant.authorizationCode(REDIRECT)), store, key);
  }

  private static Reply rotated(String accessToken, String refreshToken) {
    return Reply.json(200, "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\","
        + "\"expires_in\":600,\"refresh_token\":\"" + refreshToken + "\"}");
  }

  private List<String> refreshTokensSent() {
    return endpoint.received().stream().map(request -> request.param("refresh_token"))
        .filter(token -> token != null).collect(Collectors.toList());
  }

  private static void signIn(TokenClient client) {
    PendingAuthorization pending = client.authorizationRequest();
    client.completeAuthorization(pending,
        URI.create(REDIRECT + "?code=c&state=" + pending.state()));
  }

  @Test
  void signInSavesTheRefreshTokenAndAccessTokenUnderTheKey() {
    endpoint.then(rotated("a1", "r1"));

    signIn(client("alice"));

    TokenStore.Tokens saved = store.load("alice").orElseThrow();
    assertEquals("r1", saved.refreshToken());
    assertEquals("a1", saved.accessToken().value());
    assertEquals(Set.of("orders:read"), saved.accessToken().scopes());
    assertEquals(Optional.empty(), store.load("bob"));
  }

  @Test
  void aNewClientWithTheSameStoreAndKeyResumesWithoutSigningIn() {
    endpoint.then(rotated("a1", "r1"), rotated("a2", "r2"));
    signIn(client("alice"));

    TokenClient afterRestart = client("alice");
    assertEquals("a1", afterRestart.token().value(), "the saved access token is served");
    assertEquals(1, endpoint.requestCount());
    clock.advance(Duration.ofSeconds(600));

    assertEquals("a2", afterRestart.token().value());
    assertEquals(List.of("r1"), refreshTokensSent());
    assertEquals("r2", store.load("alice").orElseThrow().refreshToken());
    assertEquals("a2", store.load("alice").orElseThrow().accessToken().value());
  }

  @Test
  void aSavedAccessTokenThatExpiredIsRenewedWithTheSavedRefreshToken() {
    endpoint.then(rotated("a1", "r1"), rotated("a2", "r2"));
    signIn(client("alice"));
    clock.advance(Duration.ofSeconds(601));

    assertEquals("a2", client("alice").token().value());
    assertEquals(List.of("r1"), refreshTokensSent());
  }

  @Test
  void clientsSharingAKeyNeverSendARefreshTokenAnotherOneReplaced() {
    endpoint.then(rotated("a1", "r1"), rotated("a2", "r2"), rotated("a3", "r3"));
    TokenClient first = client("alice");
    signIn(first);
    TokenClient second = client("alice");
    second.token();
    clock.advance(Duration.ofSeconds(600));

    first.token();
    second.token();

    assertEquals(List.of("r1", "r2"), refreshTokensSent());
    assertEquals("r3", store.load("alice").orElseThrow().refreshToken());
  }

  @Test
  void concurrentRefreshesOfOneKeyByTwoClientsRunOneAtATime() throws Exception {
    endpoint.then(rotated("a1", "r1"));
    endpoint.otherwise(n -> rotated("a" + n, "r" + n).delayed(200));
    TokenClient first = client("alice");
    signIn(first);
    TokenClient second = client("alice");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<AccessToken> one = pool.submit(first::newToken);
      Future<AccessToken> two = pool.submit(second::newToken);
      one.get(10, TimeUnit.SECONDS);
      two.get(10, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }

    List<String> sent = refreshTokensSent();
    assertEquals(2, sent.size());
    assertEquals("r1", sent.get(0));
    assertEquals("r2", sent.get(1), "the second refresh uses the token the first one saved");
  }

  @Test
  void refusedRefreshTokenIsRemovedFromTheStoreAndNotSentByANewClient() {
    endpoint.then(rotated("a1", "r1"), Reply.error(400, "invalid_grant"));
    signIn(client("alice"));
    clock.advance(Duration.ofSeconds(600));
    assertThrows(TokenRequestException.class, client("alice")::token);

    TokenAcquisitionException later = assertThrows(TokenAcquisitionException.class,
        client("alice")::token);

    assertTrue(later.getMessage().contains("sign in"), later.getMessage());
    assertEquals(Optional.empty(), store.load("alice"));
    assertEquals(List.of("r1"), refreshTokensSent());
  }

  @Test
  void theStoredRefreshTokenWinsOverAConfiguredOneThatItReplaced() {
    endpoint.then(rotated("a1", "r2"), rotated("a2", "r3"));
    TokenClient.create(settings(Grant.refreshToken("r1")), store, "batch").token();
    clock.advance(Duration.ofSeconds(600));

    TokenClient.create(settings(Grant.refreshToken("r1")), store, "batch").token();

    assertEquals(List.of("r1", "r2"), refreshTokensSent());
  }

  @Test
  void aSaveThatLosesTheRaceKeepsTheWinnersTokens() {
    endpoint.then(rotated("a1", "r1"), rotated("a2", "r2"));
    signIn(client("alice"));
    // Another process replaces the refresh token while this one is refreshing.
    TokenStore racing = new TokenStore() {
      @Override
      public Optional<Tokens> load(String key) {
        return store.load(key);
      }

      @Override
      public boolean save(String key, String expected, Tokens replacement) {
        store.save(key, "r1", new Tokens("r-other", null));
        return store.save(key, expected, replacement);
      }
    };
    TokenClient client = TokenClient.create(settings(Grant.authorizationCode(REDIRECT)), racing,
        "alice");
    clock.advance(Duration.ofSeconds(600));

    assertEquals("a2", client.token().value(), "the answer still serves this request");
    assertEquals("r-other", store.load("alice").orElseThrow().refreshToken());
  }

  @Test
  void inMemoryStoreComparesTheStoredRefreshToken() {
    TokenStore.Tokens first = new TokenStore.Tokens("r1", null);

    assertTrue(store.save("k", null, first));
    assertFalse(store.save("k", null, new TokenStore.Tokens("r2", null)));
    assertFalse(store.save("k", "r0", null));
    assertTrue(store.save("k", "r1", null));
    assertEquals(Optional.empty(), store.load("k"));
  }

  @Test
  void aStoreIsOnlyForGrantsOfAUsersAuthorization() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TokenClient.create(settings(Grant.clientCredentials()), store, "k"));

    assertTrue(e.getMessage().contains("client_credentials"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> TokenClient.create(settings(Grant.authorizationCode(REDIRECT)), store, " "));
  }

  @Test
  void storedTokensNeverShowATokenInText() {
    TokenStore.Tokens tokens = new TokenStore.Tokens("refresh-secret", AccessToken.of(
        "access-secret", "Bearer", clock.instant(), Set.of("orders:read")));

    assertFalse(tokens.toString().contains("secret"), tokens.toString());
    assertNull(new TokenStore.Tokens(null, tokens.accessToken()).refreshToken());
    assertThrows(IllegalArgumentException.class, () -> new TokenStore.Tokens(null, null));
  }
}
