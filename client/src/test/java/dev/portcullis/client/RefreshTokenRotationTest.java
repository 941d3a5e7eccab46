package dev.portcullis.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.client.CheckingTokenEndpoint.Reply;
import dev.portcullis.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One current refresh token per grant: a rotated refresh token is never sent again, whichever
 * scope set asks, because a server with reuse detection (RFC 9700 section 4.14.2) then revokes
 * the whole grant.
 */
class RefreshTokenRotationTest {
  private static final URI REDIRECT = URI.create("http://127.0.0.1:9/callback");
  private final MutableClock clock = new MutableClock();
  @RegisterExtension
  final CheckingTokenEndpoint endpoint = new CheckingTokenEndpoint();

  private TokenClient client(Grant grant) {
    return TokenClient.create(OAuthClientSettings.builder()
        .tokenEndpoint(endpoint.tokenUri().toString())
        .authorizationEndpoint("https://as.example/authorize")
        .clientId("billing")
        .authentication(ClientAuthentication.clientSecretPost("secret"))
        .grant(grant)
        .scopes("orders:read", "orders:write")
        .retry(1, Duration.ZERO)
        .clock(clock)
        .build());
  }

  /** A token response that rotates the refresh token to {@code refreshToken}. */
  private static Reply rotated(String accessToken, String refreshToken) {
    return Reply.json(200, "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\","
        + "\"expires_in\":600,\"refresh_token\":\"" + refreshToken + "\"}");
  }

  private List<String> refreshTokensSent() {
    return endpoint.received().stream().map(request -> request.param("refresh_token"))
        .collect(Collectors.toList());
  }

  @Test
  void anotherScopeSetRefreshesWithTheRotatedTokenNotTheConfiguredOne() {
    endpoint.then(rotated("a1", "r2"), rotated("a2", "r3"), rotated("a3", "r4"));
    TokenClient client = client(Grant.refreshToken("r1"));

    client.token();
    client.forScopes(Set.of("orders:read")).token();
    clock.advance(Duration.ofSeconds(600));
    client.token();

    assertEquals(List.of("r1", "r2", "r3"), refreshTokensSent());
  }

  @Test
  void refusedRotatedTokenEndsTheSessionAndTheConfiguredOneIsNeverSentAgain() {
    endpoint.then(rotated("a1", "r2"), Reply.error(400, "invalid_grant"));
    TokenClient client = client(Grant.refreshToken("r1"));
    client.token();
    clock.advance(Duration.ofSeconds(600));

    TokenRequestException refused = assertThrows(TokenRequestException.class, client::token);
    TokenAcquisitionException later = assertThrows(TokenAcquisitionException.class,
        client::token);
    TokenAcquisitionException otherScopes = assertThrows(TokenAcquisitionException.class,
        () -> client.forScopes(Set.of("orders:read")).token());

    assertEquals("invalid_grant", refused.error());
    assertTrue(refused.getMessage().contains("the session it belonged to has ended"),
        refused.getMessage());
    assertTrue(later.getMessage().contains("session"), later.getMessage());
    assertTrue(otherScopes.getMessage().contains("session"), otherScopes.getMessage());
    assertEquals(List.of("r1", "r2"), refreshTokensSent());
  }

  @Test
  void scopeSetsRenewingAtOnceSendEachRefreshTokenOnce() throws Exception {
    endpoint.otherwise(n -> rotated("a" + n, "r" + (n + 1)).delayed(200));
    TokenClient client = client(Grant.refreshToken("r1"));
    TokenSource readOnly = client.forScopes(Set.of("orders:read"));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<AccessToken> all = pool.submit(() -> client.token());
      Future<AccessToken> read = pool.submit(() -> readOnly.token());
      all.get(10, TimeUnit.SECONDS);
      read.get(10, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }

    assertEquals(List.of("r1", "r2"), refreshTokensSent());
  }

  @Test
  void signedInScopeSetsShareTheRefreshTokenOfTheSignIn() {
    endpoint.then(rotated("a1", "r1"), rotated("a2", "r2"), rotated("a3", "r3"));
    TokenClient client = client(Grant.authorizationCode(REDIRECT));
    PendingAuthorization pending = client.authorizationRequest();
    client.completeAuthorization(pending,
        URI.create(REDIRECT + "?code=c&state=" + pending.state()));

    assertEquals("a2", client.forScopes(Set.of("orders:read")).token().value());
    clock.advance(Duration.ofSeconds(600));
    assertEquals("a3", client.token().value());

    assertEquals(List.of("r1", "r2"), refreshTokensSent().subList(1, 3));
  }
}
