package dev.portcullis.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.client.CheckingTokenEndpoint.Reply;
import dev.portcullis.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Caching, renewal ahead of expiry, single-flight requests and refresh tokens. */
class TokenLifecycleTest {
  private final MutableClock clock = new MutableClock();
  @RegisterExtension
  final CheckingTokenEndpoint endpoint = new CheckingTokenEndpoint();

  private TokenClient client() {
    return client(builder -> builder);
  }

  private TokenClient client(UnaryOperator<OAuthClientSettings.Builder> customize) {
    return TokenClient.create(customize.apply(OAuthClientSettings.builder()
        .tokenEndpoint(endpoint.tokenUri().toString())
        .clientId("billing")
        .authentication(ClientAuthentication.clientSecretPost("secret"))
        .scopes("orders:read")
        .retry(1, Duration.ZERO)
        .clock(clock)).build());
  }

  @Test
  void cachedTokenIsReusedUntilTheRefreshAheadWindowStarts() {
    endpoint.otherwise(n -> Reply.token("token-" + n, 600));
    TokenClient client = client();

    assertEquals("token-1", client.token().value());
    clock.advance(Duration.ofSeconds(539));
    assertEquals("token-1", client.token().value());
    assertEquals(1, endpoint.requestCount());

    clock.advance(Duration.ofSeconds(2)); // 59 s before expiry: inside the default 60 s window
    assertEquals("token-2", client.token().value());
    assertEquals(2, endpoint.requestCount());
  }

  @Test
  void configuredRefreshAheadWindowIsHonoured() {
    endpoint.otherwise(n -> Reply.token("token-" + n, 600));
    TokenClient client = client(builder -> builder.refreshAhead(Duration.ofSeconds(120)));

    client.token();
    clock.advance(Duration.ofSeconds(481));
    assertEquals("token-2", client.token().value());
  }

  @Test
  void missingExpiresInMeansTheDocumentedDefaultLifetime() {
    endpoint.then(Reply.json(200, "{\"access_token\":\"no-expiry\",\"token_type\":\"Bearer\"}"));

    AccessToken token = client().token();

    assertEquals(clock.instant().plus(Duration.ofSeconds(300)), token.expiresAt());
  }

  @ParameterizedTest(name = "expires_in {0}")
  @ValueSource(strings = {"0", "-5", "\"0\""})
  void expiresInOfZeroOrLessMeansExpiredNotTheDefaultLifetime(String expiresIn) {
    endpoint.then(Reply.json(200, "{\"access_token\":\"a1\",\"token_type\":\"Bearer\","
        + "\"expires_in\":" + expiresIn + "}"));
    TokenClient client = client();

    TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class, client::token);

    assertEquals("The token endpoint " + endpoint.tokenUri() + " issued client billing an access"
        + " token that had expired when it arrived (expires_in of 0 or less, or shorter than the"
        + " request took), so there is no usable token. Give the client a longer access token"
        + " lifetime at the authorization server.", e.getMessage());
    assertEquals("token-2", client.token().value(), "the expired token is not cached");
  }

  @Test
  void refreshTokenThatCameWithAnExpiredAccessTokenIsUsedNext() {
    endpoint.then(Reply.json(200, "{\"access_token\":\"a1\",\"token_type\":\"Bearer\","
        + "\"expires_in\":0,\"refresh_token\":\"r2\"}"), Reply.token("a2", 600));
    TokenClient client = client(builder -> builder.grant(Grant.refreshToken("r1")));

    assertThrows(TokenAcquisitionException.class, client::token);
    assertEquals("a2", client.token().value());

    assertEquals("r2", endpoint.last().param("refresh_token"));
  }

  @Test
  void tokenShorterLivedThanTheWindowIsRenewedHalfwayNotOnEveryCall() {
    endpoint.otherwise(n -> Reply.token("token-" + n, 30));
    TokenClient client = client();

    client.token();
    clock.advance(Duration.ofSeconds(14));
    client.token();
    assertEquals(1, endpoint.requestCount());
    clock.advance(Duration.ofSeconds(2));
    assertEquals("token-2", client.token().value());
  }

  @Test
  void sixtyFourThreadsHittingAnExpiredTokenCauseExactlyOneTokenRequest() throws Exception {
    endpoint.otherwise(n -> Reply.token("token-" + n, 600).delayed(n == 1 ? 0 : 300));
    TokenClient client = client();
    client.token();
    clock.advance(Duration.ofSeconds(601));

    int threads = 64;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<AccessToken>> results = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        results.add(pool.submit(() -> {
          ready.countDown();
          go.await();
          return client.token();
        }));
      }
      assertTrue(ready.await(5, TimeUnit.SECONDS));
      go.countDown();
      for (Future<AccessToken> result : results) {
        assertEquals("token-2", result.get(10, TimeUnit.SECONDS).value());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(2, endpoint.requestCount(), "one initial request and exactly one renewal");
  }

  @Test
  void refreshTokenIsUsedForRenewalWhenTheServerIssuedOne() {
    endpoint.then(Reply.json(200, "{\"access_token\":\"a1\",\"token_type\":\"Bearer\","
        + "\"expires_in\":600,\"refresh_token\":\"r1\"}"), Reply.token("a2", 600));
    TokenClient client = client();

    client.token();
    clock.advance(Duration.ofSeconds(600));
    assertEquals("a2", client.token().value());

    CheckingTokenEndpoint.Received renewal = endpoint.last();
    assertEquals("refresh_token", renewal.param("grant_type"));
    assertEquals("r1", renewal.param("refresh_token"));
    assertEquals("orders:read", renewal.param("scope"));
  }

  @Test
  void refusedRefreshTokenFallsBackToTheOriginalGrantAndIsForgotten() {
    endpoint.then(Reply.json(200, "{\"access_token\":\"a1\",\"token_type\":\"Bearer\","
        + "\"expires_in\":600,\"refresh_token\":\"r1\"}"),
        Reply.error(400, "invalid_grant"), Reply.token("a2", 600), Reply.token("a3", 600));
    TokenClient client = client();

    client.token();
    clock.advance(Duration.ofSeconds(600));
    assertEquals("a2", client.token().value());
    clock.advance(Duration.ofSeconds(600));
    assertEquals("a3", client.token().value());

    List<CheckingTokenEndpoint.Received> requests = endpoint.received();
    assertEquals("refresh_token", requests.get(1).param("grant_type"));
    assertEquals("client_credentials", requests.get(2).param("grant_type"));
    assertEquals("client_credentials", requests.get(3).param("grant_type"));
    assertNull(requests.get(3).param("refresh_token"));
  }

  @Test
  void invalidatingTheRejectedTokenTwiceCausesOneNewRequest() {
    TokenClient client = client();
    AccessToken rejected = client.token();

    client.invalidate(rejected);
    AccessToken replacement = client.token();
    client.invalidate(rejected); // a second replay after the same 401 finds it replaced
    assertSame(replacement, client.token());

    assertEquals("token-2", replacement.value());
    assertEquals(2, endpoint.requestCount());
  }

  @Test
  void concurrentReplaysAfterTheSame401ShareOneRequest() throws Exception {
    endpoint.otherwise(n -> Reply.token("token-" + n, 600).delayed(n == 1 ? 0 : 200));
    TokenClient client = client();
    AccessToken rejected = client.token();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<AccessToken>> replays = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        replays.add(pool.submit(() -> {
          client.invalidate(rejected);
          return client.token();
        }));
      }
      for (Future<AccessToken> replay : replays) {
        assertEquals("token-2", replay.get(10, TimeUnit.SECONDS).value());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(2, endpoint.requestCount());
  }

  @Test
  void forcedRefreshRequestsANewTokenEvenWhileTheCachedOneIsValid() {
    TokenClient client = client();
    client.token();

    assertEquals("token-2", client.newToken().value());
    assertEquals(2, endpoint.requestCount());
  }

  @Test
  void failedRenewalAheadOfExpiryKeepsTheStillValidTokenUntilItExpires() {
    endpoint.then(Reply.token("a1", 600)).otherwise(n -> Reply.json(503, "{}"));
    TokenClient client = client();
    client.token();

    clock.advance(Duration.ofSeconds(570));
    assertEquals("a1", client.token().value());
    assertEquals(2, endpoint.requestCount(), "the renewal was attempted");
    clock.advance(Duration.ofSeconds(4));
    assertEquals("a1", client.token().value());
    assertEquals(2, endpoint.requestCount(), "no new attempt during the pause");
    clock.advance(Duration.ofSeconds(2));
    assertEquals("a1", client.token().value());
    assertEquals(3, endpoint.requestCount(), "tried again after the pause");

    clock.advance(Duration.ofSeconds(24));
    assertThrows(TokenAcquisitionException.class, client::token);
  }

  @Test
  void callersDuringASlowRenewalGetTheStillValidTokenWithoutWaiting() throws Exception {
    endpoint.then(Reply.token("a1", 600), Reply.token("a2", 600).delayed(1_500));
    TokenClient client = client();
    client.token();
    clock.advance(Duration.ofSeconds(570));
    ExecutorService renewer = Executors.newSingleThreadExecutor();
    try {
      Future<AccessToken> renewal = renewer.submit(() -> client.token());
      while (endpoint.requestCount() < 2) {
        Thread.sleep(5);
      }
      long started = System.nanoTime();
      assertEquals("a1", client.token().value());
      assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 500);
      assertEquals("a2", renewal.get(10, TimeUnit.SECONDS).value());
    } finally {
      renewer.shutdownNow();
    }
    assertEquals("a2", client.token().value());
  }

  @Test
  void eachScopeSetHasItsOwnCachedToken() {
    TokenClient client = client();
    TokenSource admin = client.forScopes(Set.of("orders:admin"));

    AccessToken read = client.token();
    AccessToken adminToken = admin.token();
    client.token();
    admin.token();

    assertEquals(2, endpoint.requestCount());
    assertEquals("orders:read", endpoint.received().get(0).param("scope"));
    assertEquals("orders:admin", endpoint.received().get(1).param("scope"));
    assertEquals(Set.of("orders:read"), read.scopes());
    assertEquals(Set.of("orders:admin"), adminToken.scopes());
  }

  @Test
  void audienceAndResourceAreRequested() {
    client(builder -> builder.audiences("orders-api")
        .resources(URI.create("https://orders.example/api"))).token();

    assertEquals("orders-api", endpoint.last().param("audience"));
    assertEquals("https://orders.example/api", endpoint.last().param("resource"));
  }
}
