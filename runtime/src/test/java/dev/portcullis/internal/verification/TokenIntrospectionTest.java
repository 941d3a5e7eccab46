package dev.portcullis.internal.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.PortcullisConfig;
import dev.portcullis.internal.introspection.IntrospectionFailedException;
import dev.portcullis.internal.introspection.IntrospectionSettings;
import dev.portcullis.internal.introspection.Introspector;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The judgment of introspection answers and their cache, with an introspector in memory and a
 * clock moved by hand. The calls over HTTP are tested in portcullis-client and the integration
 * tests.
 */
class TokenIntrospectionTest {
  private static final URI ENDPOINT = URI.create("https://idp.example.com/introspect");
  private static final String OPAQUE = "opaque-token-1";

  private final TestKeys keys = new TestKeys();
  private final AtomicInteger calls = new AtomicInteger();
  private final List<String> asked = new CopyOnWriteArrayList<>();
  private volatile Answer answer = token -> active(c -> { });

  interface Answer {
    Map<String, Object> of(String token) throws IntrospectionFailedException;
  }

  private final Introspector introspector = new Introspector() {
    @Override
    public Map<String, Object> introspect(URI endpoint, String token) throws IntrospectionFailedException {
      assertEquals(ENDPOINT, endpoint);
      calls.incrementAndGet();
      asked.add(token);
      return answer.of(token);
    }

    @Override
    public String introspectAsJwt(URI endpoint, String token) {
      throw new AssertionError("not asked for here");
    }
  };

  /** An active answer for the test issuer and audience, living 10 minutes, changed by {@code change}. */
  private Map<String, Object> active(Consumer<Map<String, Object>> change) {
    long now = keys.clock.millis() / 1000;
    Map<String, Object> claims = new HashMap<>();
    claims.put("active", true);
    claims.put("iss", TestKeys.ISSUER);
    claims.put("aud", TestKeys.AUDIENCE);
    claims.put("sub", "alice");
    claims.put("client_id", "orders-web");
    claims.put("scope", "orders:read orders:write");
    claims.put("token_type", "Bearer");
    claims.put("iat", now);
    claims.put("exp", now + 600);
    change.accept(claims);
    return claims;
  }

  private static IntrospectionSettings settings(Duration ttl, boolean all) {
    return new IntrospectionSettings(ENDPOINT, "orders-api", "secret", "client_secret_basic", null, null, ttl, all,
        Duration.ofSeconds(5), false, null);
  }

  private TokenVerifier verifier(PortcullisConfig config, Duration ttl, boolean all) {
    return new TokenVerifier(config, settings(ttl, all), introspector, keys, keys.clock, Runnable::run);
  }

  private TokenVerifier verifier() {
    return verifier(TestKeys.config().build(), Duration.ofSeconds(60), false);
  }

  private String rejection(TokenVerifier verifier, String token) {
    return assertThrows(TokenRejectedException.class, () -> verifier.verify(token)).getMessage();
  }

  @Test
  void anActiveAnswerGivesThePrincipalOfAJwtWithTheSameClaims() throws Exception {
    VerifiedToken token = verifier().verify(OPAQUE);
    assertEquals("alice", token.subject());
    assertEquals("orders-web", token.clientId());
    assertEquals(Set.of("orders:read", "orders:write"), token.scopes());
    assertEquals(TestKeys.ISSUER, token.issuer());
    assertEquals(List.of(OPAQUE), asked);
  }

  @Test
  void anInactiveAnswerRejectsTheToken() {
    answer = token -> Map.of("active", false);
    assertEquals("The token is not active.", rejection(verifier(), OPAQUE));
  }

  @Test
  void theAnswersClaimsAreJudgedByTheRulesOfJwtClaims() {
    long now = keys.clock.millis() / 1000;
    answer = token -> active(c -> c.put("exp", now - 120));
    assertEquals("The token has expired.", rejection(verifier(), "expired"));
    answer = token -> active(c -> c.put("aud", "billing-api"));
    assertEquals("The token was not issued for this API (audience mismatch).", rejection(verifier(), "other-api"));
    answer = token -> active(c -> c.remove("aud"));
    assertEquals("The token was not issued for this API (audience mismatch).", rejection(verifier(), "no-aud"));
    answer = token -> active(c -> c.put("iss", "https://evil.example.com"));
    assertEquals("The token was not issued by the expected issuer.", rejection(verifier(), "other-issuer"));
    answer = token -> active(c -> c.put("nbf", now + 600));
    assertEquals("The token is not valid yet.", rejection(verifier(), "early"));
    answer = token -> active(c -> c.remove("exp"));
    assertEquals("The token lacks the exp claim, which access tokens must have.", rejection(verifier(), "no-exp"));
    answer = token -> active(c -> c.put("sub", 42));
    assertTrue(rejection(verifier(), "bad-sub").contains("sub"));
  }

  @Test
  void aTokenTypeOtherThanBearerIsRefusedAndAMissingIssuerIsTheOnlyTrustedOne() throws Exception {
    answer = token -> active(c -> c.put("token_type", "refresh_token"));
    assertEquals("The token is not an access token (its token_type is not Bearer).", rejection(verifier(), "refresh"));
    answer = token -> active(c -> {
      c.remove("token_type");
      c.remove("iss");
    });
    assertEquals(TestKeys.ISSUER, verifier().verify("minimal").issuer());
  }

  @Test
  void aDpopAnswerGivesTheBindingFromItsCnfAndIsRefusedWithoutOne() throws Exception {
    answer = token -> active(c -> {
      c.put("token_type", "DPoP");
      c.put("cnf", Map.of("jkt", "0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I"));
    });
    assertEquals("0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I", verifier().verify("bound").dpopThumbprint());
    answer = token -> active(c -> c.put("token_type", "DPoP"));
    assertEquals("The introspection answer says the token is DPoP-bound (token_type DPoP) but gives no cnf.jkt.",
        rejection(verifier(), "dpop-without-cnf"));
    answer = token -> active(c -> c.put("cnf", Map.of("jkt", "abc")));
    assertEquals("abc", verifier().verify("bearer-typed-but-bound").dpopThumbprint());
  }

  @Test
  void anAnswerWithCnfX5tBindsTheTokenToACertificate() throws Exception {
    answer = token -> active(c -> c.put("cnf", Map.of("x5t#S256", "bwcK0esc3ACC3DB2Y5_lESsXE8o9ltc05O89jdN-dg2")));
    assertEquals("bwcK0esc3ACC3DB2Y5_lESsXE8o9ltc05O89jdN-dg2",
        verifier().verify("certificate-bound").certificateThumbprint());
    answer = token -> active(c -> c.put("cnf", Map.of("x5t#S256", 7)));
    assertEquals("", verifier().verify("bound-to-a-number").certificateThumbprint());
    answer = token -> active(c -> { });
    assertEquals(null, verifier().verify("unbound").certificateThumbprint());
  }

  @Test
  void withSeveralTrustedIssuersTheAnswersIssChoosesTheRules() throws Exception {
    PortcullisConfig config = PortcullisConfig.builder().issuers(TestKeys.ISSUER, "https://other.example.com")
        .audience(TestKeys.AUDIENCE).introspection("orders-api", "secret").introspectionEndpoint(ENDPOINT).build();
    TokenVerifier verifier = new TokenVerifier(config, settings(Duration.ofSeconds(60), true), introspector, null,
        keys.clock, Runnable::run);
    answer = token -> active(c -> c.put("iss", "https://other.example.com"));
    assertEquals("https://other.example.com", verifier.verify("a").issuer());
    answer = token -> active(c -> c.put("iss", "https://evil.example.com"));
    assertEquals("The token was not issued by an issuer this API trusts.", rejection(verifier, "b"));
    answer = token -> active(c -> c.remove("iss"));
    assertTrue(rejection(verifier, "c").startsWith("The introspection answer does not name the token's issuer"));
  }

  @Test
  void anEndpointWithoutAUsableAnswerIsNotAVerdictAndIsAskedAgain() {
    TokenVerifier verifier = verifier();
    answer = token -> {
      throw new IntrospectionFailedException("The introspection endpoint answered HTTP 500.", false);
    };
    KeysUnavailableException down = assertThrows(KeysUnavailableException.class, () -> verifier.verify(OPAQUE));
    assertEquals(KeysUnavailableException.INTROSPECTION_DESCRIPTION, down.getMessage());
    assertEquals(TokenIntrospection.RETRY_AFTER, down.retryAfter());
    answer = token -> Map.of("active", "yes");
    assertThrows(KeysUnavailableException.class, () -> verifier.verify(OPAQUE));
    answer = token -> {
      throw new IllegalStateException("a bug in the call");
    };
    assertThrows(KeysUnavailableException.class, () -> verifier.verify(OPAQUE));
    assertEquals(3, calls.get());
    assertEquals(0, verifier.cachedAnswers());
  }

  @Test
  void anActiveAnswerIsRememberedForTheTtlByTheTokensHash() throws Exception {
    TokenVerifier verifier = verifier();
    verifier.verify(OPAQUE);
    keys.clock.advanceSeconds(59);
    verifier.verify(OPAQUE);
    assertEquals(1, calls.get());
    keys.clock.advanceSeconds(2);
    verifier.verify(OPAQUE);
    assertEquals(2, calls.get());
    verifier.verify("another-token");
    assertEquals(3, calls.get());
  }

  @Test
  void anActiveAnswerIsNeverRememberedPastTheTokensExpiry() throws Exception {
    long now = keys.clock.millis() / 1000;
    answer = token -> active(c -> c.put("exp", now + 20));
    TokenVerifier verifier = verifier();
    verifier.verify(OPAQUE);
    keys.clock.advanceSeconds(19);
    verifier.verify(OPAQUE);
    assertEquals(1, calls.get());
    keys.clock.advanceSeconds(2);
    verifier.verify(OPAQUE); // still within the clock skew, but the answer is asked for again
    assertEquals(2, calls.get());
  }

  @Test
  void aRejectionIsRememberedBriefly() {
    answer = token -> Map.of("active", false);
    TokenVerifier verifier = verifier();
    rejection(verifier, OPAQUE);
    keys.clock.advance(TokenIntrospection.INACTIVE_TTL.minusSeconds(1));
    rejection(verifier, OPAQUE);
    assertEquals(1, calls.get());
    keys.clock.advanceSeconds(2);
    rejection(verifier, OPAQUE);
    assertEquals(2, calls.get());
  }

  @Test
  void aZeroTtlAsksEveryTime() throws Exception {
    TokenVerifier verifier = verifier(TestKeys.config().build(), Duration.ZERO, false);
    verifier.verify(OPAQUE);
    verifier.verify(OPAQUE);
    assertEquals(2, calls.get());
  }

  @Test
  void sixtyFourConcurrentRequestsWithOneTokenMakeOneCall() throws Exception {
    int requests = 64;
    CountDownLatch arrived = new CountDownLatch(requests);
    CountDownLatch release = new CountDownLatch(1);
    answer = token -> {
      try {
        // Holds the answer back until every request has arrived, so that all of them find the
        // token unanswered; then a little longer, so that they are all waiting.
        arrived.await(10, TimeUnit.SECONDS);
        release.await(200, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return active(c -> { });
    };
    TokenVerifier verifier = verifier();
    ExecutorService pool = Executors.newFixedThreadPool(requests);
    try {
      List<Future<VerifiedToken>> results = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        results.add(pool.submit(() -> {
          arrived.countDown();
          return verifier.verify(OPAQUE);
        }));
      }
      for (Future<VerifiedToken> result : results) {
        assertEquals("alice", result.get(30, TimeUnit.SECONDS).subject());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, calls.get());
  }

  @Test
  void jwtsAreVerifiedLocallyAndOtherTokensIntrospected() throws Exception {
    TokenVerifier verifier = verifier();
    assertEquals("alice", verifier.verify(keys.token()).subject());
    assertEquals(0, calls.get());
    verifier.verify(OPAQUE);
    assertEquals(1, calls.get());
    assertTrue(TokenVerifier.jwtShaped("a.b.c"));
    assertTrue(TokenVerifier.jwtShaped("a.b.c.d.e"));
    assertTrue(!TokenVerifier.jwtShaped("a.b") && !TokenVerifier.jwtShaped("2YotnFZFEjr1zCsicMWpAA"));
  }

  @Test
  void withAllTokensIntrospectedJwtsAreToldNoKeysAreFetched() throws Exception {
    TokenVerifier verifier = verifier(TestKeys.config().build(), Duration.ofSeconds(60), true);
    String jwt = keys.token();
    verifier.verify(jwt);
    assertEquals(List.of(jwt), asked);
    assertEquals(0, keys.fetches.get());
  }

  @Test
  void validatorsJudgeIntrospectedTokensToo() {
    PortcullisConfig config = TestKeys.config()
        .validator(token -> token.subject().equals("alice") ? Optional.of("Alice is suspended.") : Optional.empty())
        .build();
    assertEquals("Alice is suspended.", rejection(verifier(config, Duration.ofSeconds(60), false), OPAQUE));
  }
}
