package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import dev.portcullis.testapp.OrdersResource;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Key set fetching and token type policy, each with its own app and key server. */
class KeySetTest {

  private static TestApp ordersApp(PortcullisConfig.Builder config) {
    return TestApp.start(config.build(), OrdersResource.class);
  }

  @Test
  void unknownKidTriggersExactlyOneRefetchThenIsRejected() throws Exception {
    try (KeyServer keys = new KeyServer();
        TestApp app = ordersApp(keys.config())) {
      assertEquals(200, app.bearer("/orders", keys.token("orders:read")).status());
      assertEquals(1, keys.jwksHits());
      String unknown = keys.tokenWithHeader(KeyServer.header().keyID("rotated-away").build());
      Answer answer = app.bearer("/orders", unknown);
      assertEquals(401, answer.status());
      assertTrue(answer.challenge().contains("error=\"invalid_token\""), answer::toString);
      assertEquals(2, keys.jwksHits(), "one refetch for the unknown kid");
      assertEquals(401, app.bearer("/orders", unknown).status());
      assertEquals(200, app.bearer("/orders", keys.token("orders:read")).status());
      assertTrue(keys.jwksHits() <= 3, "refetches are rate limited, saw " + keys.jwksHits());
    }
  }

  @Test
  void keyRotatedInIsAcceptedAtOnceAfterAMadeUpKidSpentARefetch() throws Exception {
    try (KeyServer keys = new KeyServer();
        TestApp app = ordersApp(keys.config())) {
      assertEquals(200, app.bearer("/orders", keys.token("orders:read")).status());
      assertEquals(401, app.bearer("/orders", keys.tokenWithHeader(KeyServer.header().keyID("made-up").build()))
          .status());
      assertEquals(2, keys.jwksHits(), "the made-up kid made a refetch");
      RSAKey rotatedIn = KeyServer.generate("k2");
      keys.publish(KeyServer.signingKey(), rotatedIn);
      Answer answer = app.bearer("/orders", keys.tokenSignedBy(rotatedIn));
      assertEquals(200, answer.status(), answer::toString);
      assertEquals(3, keys.jwksHits());
    }
  }

  @Test
  void unknownKidBeyondTheRefetchBudgetIsAnsweredAsAnUnknownKey() throws Exception {
    try (KeyServer keys = new KeyServer();
        TestApp app = ordersApp(keys.config())) {
      assertEquals(200, app.bearer("/orders", keys.token("orders:read")).status());
      Answer answer = null;
      for (int i = 0; i < 20 && (answer == null || answer.challenge().contains("known key")); i++) {
        answer = app.bearer("/orders", keys.tokenWithHeader(KeyServer.header().keyID("made-up-" + i).build()));
        assertEquals(401, answer.status(), answer::toString);
      }
      assertTrue(answer.challenge().contains("error_description=\"The token is signed with a key that is not in"
          + " the authorization server's key set, which was fetched again moments ago.\""), answer::toString);
    }
  }

  @Test
  void configuredJwksUriSkipsDiscovery() throws Exception {
    try (KeyServer keys = new KeyServer();
        TestApp app = TestApp.start(PortcullisConfig.builder().jwksUri(URI.create(keys.issuer + "/jwks"))
            .issuer(keys.issuer + "/not-served").audience(KeyServer.AUDIENCE).build(), OrdersResource.class)) {
      String token = keys.token(c -> c.issuer(keys.issuer + "/not-served"));
      assertEquals(200, app.bearer("/orders", token).status());
      assertEquals(1, keys.jwksHits());
      Answer other = app.bearer("/orders", keys.token(c -> c.issuer(keys.issuer)));
      assertEquals(401, other.status(), "iss is checked when keys come from a configured JWKS URL");
      assertTrue(other.challenge().contains("not issued by the expected issuer"), other::toString);
    }
  }

  @Test
  void anyIssuerIsAcceptedOnlyWhenConfiguredExplicitly() throws Exception {
    try (KeyServer keys = new KeyServer();
        TestApp app = TestApp.start(PortcullisConfig.builder().jwksUri(URI.create(keys.issuer + "/jwks"))
            .acceptAnyIssuer(true).audience(KeyServer.AUDIENCE).build(), OrdersResource.class)) {
      assertEquals(200, app.bearer("/orders", keys.token(c -> c.issuer("https://anyone.example.com"))).status());
    }
  }

  @Test
  void acceptingAnyIssuerIsAWarningAtStartup() throws Exception {
    try (KeyServer keys = new KeyServer()) {
      List<String> logged = StartupLog.of(PortcullisConfig.builder().jwksUri(URI.create(keys.issuer + "/jwks"))
          .acceptAnyIssuer(true).audience(KeyServer.AUDIENCE).build(), OrdersResource.class);
      assertTrue(logged.contains("WARNING: Portcullis accepts tokens from any issuer whose signature verifies with"
          + " the keys at " + keys.issuer + "/jwks, because portcullis.accept-any-issuer=true; set portcullis.issuer"
          + " (environment PORTCULLIS_ISSUER) to check the iss claim."), logged::toString);
    }
  }

  @Test
  void unreachableJwksUriGives503AndKeepsTheAppRunning() throws Exception {
    int port;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      port = probe.getLocalPort();
    }
    try (KeyServer keys = new KeyServer();
        TestApp app = TestApp.start(PortcullisConfig.builder().jwksUri(URI.create("http://127.0.0.1:" + port + "/jwks"))
            .issuer(keys.issuer).audience(KeyServer.AUDIENCE).build(), OrdersResource.class)) {
      Answer answer = app.bearer("/orders", keys.token("orders:read"));
      assertEquals(503, answer.status(), answer::toString);
      assertTrue(Integer.parseInt(answer.header("Retry-After")) >= 1, answer::toString);
      assertTrue(answer.body().contains("keys are unavailable"), answer::toString);
    }
  }

  @Test
  void issuerThatNeverAnswersDoesNotHoldRequests() throws Exception {
    try (KeyServer keys = new KeyServer();
        SilentServer issuer = new SilentServer();
        TestApp app = ordersApp(PortcullisConfig.builder().issuer(issuer.url).audience(KeyServer.AUDIENCE)
            .httpTimeout(Duration.ofMinutes(2)))) {
      String token = keys.token("orders:read");
      List<CompletableFuture<Answer>> requests = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        requests.add(CompletableFuture.supplyAsync(() -> app.bearer("/orders", token)));
      }
      // Each request gives up after 20 s, far less than the issuer's 2 minute timeout.
      for (CompletableFuture<Answer> request : requests) {
        Answer answer = request.get();
        assertEquals(503, answer.status(), answer::toString);
        assertTrue(Integer.parseInt(answer.header("Retry-After")) >= 1, answer::toString);
        assertEquals(null, answer.challenge(), "no challenge: other credentials would not help");
      }
      assertEquals(1, issuer.connections(), "one discovery attempt, still unanswered; requests made none");
      assertEquals(401, app.bearer("/orders", "not-a-jwt").status(), "tokens judged without keys get 401");
    }
  }

  @Test
  void knownKeyTokensAreNotHeldBehindARefetch() throws Exception {
    try (KeyServer keys = new KeyServer();
        TestApp app = ordersApp(keys.config().httpTimeout(Duration.ofMinutes(1)))) {
      assertEquals(200, app.bearer("/orders", keys.token("orders:read")).status());
      keys.holdJwks();
      CompletableFuture<Answer> unknownKid = CompletableFuture.supplyAsync(() ->
          app.bearer("/orders", keys.tokenWithHeader(KeyServer.header().keyID("made-up").build())));
      keys.awaitHeldJwksRequest();
      assertEquals(200, app.bearer("/orders", keys.token("orders:read")).status(),
          "answered while the refetch is held");
      assertFalse(unknownKid.isDone(), "the refetch was still held");
      keys.releaseJwks();
      assertEquals(401, unknownKid.get().status());
    }
  }

  @Test
  void jwksUrlThatRedirectsIsNotFollowed() throws Exception {
    try (KeyServer keys = new KeyServer()) {
      HttpServer moved = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      AtomicInteger redirects = new AtomicInteger();
      moved.createContext("/jwks", exchange -> {
        redirects.incrementAndGet();
        exchange.getResponseHeaders().add("Location", keys.issuer + "/jwks");
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
      });
      moved.start();
      URI jwksUri = URI.create("http://127.0.0.1:" + moved.getAddress().getPort() + "/jwks");
      try (TestApp app = TestApp.start(PortcullisConfig.builder().jwksUri(jwksUri).issuer(keys.issuer)
          .audience(KeyServer.AUDIENCE).build(), OrdersResource.class)) {
        Answer answer = app.bearer("/orders", keys.token("orders:read"));
        assertTrue(redirects.get() > 0, "the JWKS URL was asked");
        assertEquals(0, keys.jwksHits(), "the redirect target was never fetched");
        assertEquals(503, answer.status(), answer::toString);
      } finally {
        moved.stop(0);
      }
    }
  }

  @Test
  void strictTokenTypeAcceptsOnlyAccessTokenType() throws Exception {
    try (KeyServer keys = new KeyServer();
        TestApp app = ordersApp(keys.config().strictTokenType(true))) {
      assertEquals(200, app.bearer("/orders",
          keys.tokenWithHeader(KeyServer.header().type(new JOSEObjectType("at+jwt")).build())).status());
      assertEquals(200, app.bearer("/orders",
          keys.tokenWithHeader(KeyServer.header().type(new JOSEObjectType("application/at+jwt")).build())).status());
      assertEquals(401, app.bearer("/orders",
          keys.tokenWithHeader(KeyServer.header().type(JOSEObjectType.JWT).build())).status());
      assertEquals(401, app.bearer("/orders",
          keys.tokenWithHeader(KeyServer.header().type(null).build())).status());
    }
  }

  @Test
  void algorithmOutsideTheConfiguredListIsRejected() throws Exception {
    try (KeyServer keys = new KeyServer();
        TestApp app = ordersApp(keys.config().algorithms(java.util.Set.of("ES256")))) {
      Answer answer = app.bearer("/orders", keys.token("orders:read"));
      assertEquals(401, answer.status());
      assertTrue(answer.challenge().contains("not signed with an accepted algorithm"), answer::toString);
    }
  }

  @Test
  void scopeParameterCanBeLeftOutOfTheChallenge() throws Exception {
    try (KeyServer keys = new KeyServer();
        TestApp app = ordersApp(keys.config().scopeInChallenge(false).realm("shop"))) {
      Answer answer = app.bearer("/orders", keys.token("profile"));
      assertEquals(403, answer.status());
      assertEquals("Bearer realm=\"shop\", error=\"insufficient_scope\", error_description=\"The token does not"
          + " grant the scope this endpoint requires.\"", answer.challenge());
    }
  }
}
