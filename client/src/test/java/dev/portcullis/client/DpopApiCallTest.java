package dev.portcullis.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.dpop.JWKThumbprintConfirmation;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPIssuer;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPProtectedResourceRequestVerifier;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.portcullis.client.spi.StubTarget;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The calls of a generated client with a DPoP-bound token (RFC 9449 section 7) over HTTP to a
 * loopback API that checks each proof with the OAuth 2.0 SDK's resource request verifier: a
 * fresh proof per request, the one resend after {@code use_dpop_nonce} (also for POST, never
 * for a stream body, never twice), and the same for the asynchronous methods.
 */
class DpopApiCallTest {
  private static final String NONCE_CHALLENGE = "DPoP error=\"use_dpop_nonce\", error_description=\"nonce\"";

  /** One request as the API received it. */
  record Received(String method, String authorization, String proof) {}

  /** An answer: status, WWW-Authenticate (or null), DPoP-Nonce (or null). */
  record Answer(int status, String challenge, String nonce) {}

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Deque<Answer> answers = new ArrayDeque<>();
  private final DpopKey key = DpopKey.generate();
  private final AccessToken token = new AccessToken("the-token", "DPoP", Instant.now().plusSeconds(600),
      Set.of("items:read"), key);
  private HttpServer api;
  private Client client;
  private URI base;

  @BeforeEach
  void start() throws IOException {
    api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    api.createContext("/", this::answer);
    api.start();
    base = URI.create("http://127.0.0.1:" + api.getAddress().getPort() + "/api");
    client = ClientBuilder.newClient();
  }

  @AfterEach
  void stop() {
    client.close();
    api.stop(0);
  }

  private synchronized void answer(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    received.add(new Received(exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Authorization"),
        exchange.getRequestHeaders().getFirst("DPoP")));
    Answer answer = answers.size() > 1 ? answers.poll() : answers.peek();
    if (answer.challenge() != null) {
      exchange.getResponseHeaders().set("WWW-Authenticate", answer.challenge());
    }
    if (answer.nonce() != null) {
      exchange.getResponseHeaders().set("DPoP-Nonce", answer.nonce());
    }
    byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain");
    exchange.sendResponseHeaders(answer.status(), answer.status() == 200 ? body.length : -1);
    if (answer.status() == 200) {
      exchange.getResponseBody().write(body);
    }
    exchange.close();
  }

  private void then(Answer... scripted) {
    answers.addAll(List.of(scripted));
  }

  private StubTarget stub() {
    return new StubTarget(client.target(base), () -> token);
  }

  /** The proof of {@code request}, checked as a resource server does; with {@code nonce} if given. */
  private SignedJWT verified(Received request, String method, String path, String nonce) throws Exception {
    SignedJWT proof = SignedJWT.parse(request.proof());
    new DPoPProtectedResourceRequestVerifier(Set.of(JWSAlgorithm.ES256), 60, null).verify(method,
        URI.create(base + path), new DPoPIssuer("items"), proof, new DPoPAccessToken("the-token"),
        new JWKThumbprintConfirmation(new com.nimbusds.jose.util.Base64URL(key.thumbprint())),
        nonce == null ? null : new Nonce(nonce));
    return proof;
  }

  @Test
  void everyRequestCarriesTheTokenAsDpopWithAFreshProofOfItsMethodAndUrl() throws Exception {
    then(new Answer(200, null, null));

    assertEquals("ok", stub().call("GET", "items/{id}").pathParam("id", "7").queryParam("q", "x y").invoke(String.class));
    assertEquals("ok", stub().call("GET", "items/{id}").pathParam("id", "7").invoke(String.class));

    assertEquals("DPoP the-token", received.get(0).authorization());
    SignedJWT first = verified(received.get(0), "GET", "/items/7", null);
    SignedJWT second = verified(received.get(1), "GET", "/items/7", null);
    assertNotEquals(first.getJWTClaimsSet().getJWTID(), second.getJWTClaimsSet().getJWTID());
  }

  @Test
  void useDpopNonceIsAnsweredByOneResendWithTheNonceAlsoForPost() throws Exception {
    then(new Answer(401, NONCE_CHALLENGE, "n-1"), new Answer(200, null, "n-2"));

    assertEquals("ok", stub().call("POST", "items").entity("{}", "application/json").invoke(String.class));
    stub().call("GET", "items").invoke(String.class);

    assertEquals(3, received.size());
    assertNull(SignedJWT.parse(received.get(0).proof()).getJWTClaimsSet().getClaim("nonce"));
    verified(received.get(1), "POST", "/items", "n-1");
    verified(received.get(2), "GET", "/items", "n-2");
  }

  @Test
  void aSecondUseDpopNonceIsTheAnswerNotAnotherResend() {
    then(new Answer(401, NONCE_CHALLENGE, "n-1"), new Answer(401, NONCE_CHALLENGE, "n-2"));

    assertThrows(NotAuthorizedException.class, () -> stub().call("GET", "items").invoke(String.class));

    assertEquals(2, received.size());
  }

  @Test
  void aCallSendsAtMostThreeRequestsWhateverTheApiAnswers() {
    then(new Answer(401, NONCE_CHALLENGE, "n-1"), new Answer(401, "DPoP error=\"invalid_token\"", null),
        new Answer(401, NONCE_CHALLENGE, "n-2"), new Answer(200, null, null));

    assertThrows(NotAuthorizedException.class, () -> stub().call("GET", "items").invoke(String.class));

    assertEquals(3, received.size(), "the first, the resend with the nonce, the replay after invalid_token");
  }

  @Test
  void asynchronousCallsResendOnceToo() throws Exception {
    then(new Answer(401, NONCE_CHALLENGE, "n-1"), new Answer(401, NONCE_CHALLENGE, "n-2"));

    CompletionException e = assertThrows(CompletionException.class,
        () -> stub().call("GET", "items").invokeAsync(String.class).toCompletableFuture().join());

    assertInstanceOf(NotAuthorizedException.class, e.getCause());
    assertEquals(2, received.size());
    verified(received.get(1), "GET", "/items", "n-1");
  }

  @Test
  void aStreamBodyIsNotSentAgain() {
    then(new Answer(401, NONCE_CHALLENGE, "n-1"), new Answer(200, null, null));

    assertThrows(NotAuthorizedException.class, () -> stub().call("PUT", "items")
        .entity(new ByteArrayInputStream(new byte[] {1}), "application/octet-stream").invoke(String.class));

    assertEquals(1, received.size());
  }

  @Test
  void aNonceChallengeWithoutDpopNonceIsNotResent() {
    then(new Answer(401, NONCE_CHALLENGE, null), new Answer(200, null, null));

    assertThrows(NotAuthorizedException.class, () -> stub().call("GET", "items").invoke(String.class));

    assertEquals(1, received.size());
  }

  @Test
  void invalidTokenInADpopChallengeIsReplayedOnceWithAFreshToken() {
    then(new Answer(401, "DPoP error=\"invalid_token\"", null), new Answer(200, null, null));
    List<AccessToken> invalidated = new CopyOnWriteArrayList<>();
    TokenSource tokens = new TokenSource() {
      @Override
      public AccessToken token() {
        return token;
      }

      @Override
      public void invalidate(AccessToken rejected) {
        invalidated.add(rejected);
      }
    };

    assertEquals("ok", new StubTarget(client.target(base), tokens).call("GET", "items").invoke(String.class));

    assertEquals(List.of(token), invalidated);
    assertEquals(2, received.size());
  }

  @Test
  void dpopChallengesAreReadLikeBearerOnes() {
    assertTrue(TokenRejection.isInvalidToken(401, List.of("DPoP algs=\"ES256\", error=\"invalid_token\"")));
    assertTrue(TokenRejection.isInvalidToken(401, List.of("dpop error=\"invalid_token\"")));
    assertEquals(false, TokenRejection.isInvalidToken(401, List.of(NONCE_CHALLENGE)));
    assertEquals(false, TokenRejection.isInvalidToken(401, List.of("DPoPx error=\"invalid_token\"")));
    jakarta.ws.rs.core.Response refused = jakarta.ws.rs.core.Response.status(403)
        .header("WWW-Authenticate", "DPoP error=\"insufficient_scope\", scope=\"items:write\"").build();
    InsufficientScopeException e = assertInstanceOf(InsufficientScopeException.class,
        TokenRejection.typed(refused).orElseThrow());
    assertEquals(Set.of("items:write"), e.requiredScopes());
  }

  @Test
  void aDpopTokenWithoutKeyIsRefusedBeforeAnythingIsSent() {
    then(new Answer(200, null, null));
    AccessToken keyless = AccessToken.of("t", "DPoP", Instant.now().plusSeconds(60), Set.of());

    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new StubTarget(client.target(base), () -> keyless).call("GET", "items").invoke(String.class));

    assertTrue(e.getMessage().startsWith("The access token is of type DPoP, but its TokenSource gave no DpopKey"),
        e.getMessage());
    assertEquals(0, received.size());
  }

  @Test
  void bearerTokenFilterAddsTheProofForPlainJaxRsClients() throws Exception {
    then(new Answer(200, null, null));
    Client filtered = ClientBuilder.newClient().register(new BearerTokenFilter(() -> token));
    try {
      assertEquals("ok", filtered.target(base).path("items").request().get(String.class));
    } finally {
      filtered.close();
    }

    assertEquals("DPoP the-token", received.get(0).authorization());
    verified(received.get(0), "GET", "/items", null);
  }
}
