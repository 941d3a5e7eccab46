package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.portcullis.client.ClientAuthentication;
import dev.portcullis.client.InsufficientScopeException;
import dev.portcullis.client.InvalidTokenException;
import dev.portcullis.client.OAuthClientSettings;
import dev.portcullis.client.OAuthClients;
import dev.portcullis.client.TokenRequestException;
import dev.portcullis.testapp.AsyncItemsClient;
import dev.portcullis.testapp.ItemsResource;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A generated client's methods returning {@code CompletionStage} call the protected API over
 * real HTTP without blocking the caller on the token request: the tokens come from a token
 * endpoint on loopback that the test holds with a latch (its access tokens are issued by
 * mock-oauth2-server, whose keys the API trusts). The timeout only turns a blocked caller into a
 * failure instead of a hang; nothing is timed.
 */
@Timeout(60)
class AsyncGeneratedClientTest {
  private static final String REJECTED = "rejected-by-the-api";

  @RegisterExtension
  static final TrustedAuthorizationServer authorizationServer = new TrustedAuthorizationServer();
  private static TestApp app;
  private HeldTokenEndpoint tokens;

  @BeforeAll
  static void startApi() throws Exception {
    app = authorizationServer.start(ItemsResource.class);
    authorizationServer.awaitKeys(app, "/items/0", "items:read");
  }

  @BeforeEach
  void startTokenEndpoint() throws IOException {
    tokens = new HeldTokenEndpoint();
  }

  @AfterEach
  void stopTokenEndpoint() {
    tokens.close();
  }

  /** An access token for the API, granting {@code scope}. */
  private static String issued(String scope) {
    return authorizationServer.token("items-service", scope);
  }

  private AsyncItemsClient client() {
    return OAuthClients.builder(AsyncItemsClient.class)
        .baseUri(app.base())
        .settings(OAuthClientSettings.builder()
            .tokenEndpoint(tokens.uri())
            .clientId("items-service")
            .authentication(ClientAuthentication.clientSecretBasic("secret"))
            .retry(1, Duration.ZERO)
            .build())
        .build();
  }

  private static Throwable failure(CompletableFuture<?> stage) {
    return assertThrows(ExecutionException.class, stage::get).getCause();
  }

  @Test
  void callerReturnsBeforeTheTokenEndpointAnswersAndTheCallThenSucceeds() throws Exception {
    tokens.hold();
    CompletableFuture<String> item = client().get("7").toCompletableFuture();
    tokens.awaitRequest();

    assertFalse(item.isDone(), "no token yet, so no answer yet");
    tokens.release();
    assertEquals("item 7", item.get());
  }

  @Test
  void concurrentCallsShareOneTokenRequest() throws Exception {
    tokens.hold();
    AsyncItemsClient client = client();
    List<CompletableFuture<String>> items = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      items.add(client.get(String.valueOf(i)).toCompletableFuture());
    }
    tokens.awaitRequest();
    tokens.release();

    for (int i = 0; i < 20; i++) {
      assertEquals("item " + i, items.get(i).get());
    }
    assertEquals(1, tokens.requests());
  }

  @Test
  void insufficientScopeCompletesWithInsufficientScopeException() {
    tokens.answer(issued("profile"));

    InsufficientScopeException refused = assertInstanceOf(InsufficientScopeException.class,
        failure(client().get("7").toCompletableFuture()));

    assertEquals(Set.of("items:read"), refused.requiredScopes());
  }

  @Test
  void invalidTokenIsReplayedOnceWithAFreshToken() throws Exception {
    tokens.answer(REJECTED);
    tokens.answer(issued("items:read"));

    assertEquals("item 7", client().get("7").toCompletableFuture().get());
    assertEquals(2, tokens.requests());
  }

  @Test
  void secondInvalidTokenIsTheAnswerNotAnotherReplay() {
    tokens.answer(REJECTED);
    tokens.answer(REJECTED);
    tokens.answer(issued("items:read"));

    assertInstanceOf(InvalidTokenException.class, failure(client().get("7").toCompletableFuture()));
    assertEquals(2, tokens.requests());
  }

  @Test
  void refusedTokenRequestCompletesWithTokenRequestException() throws Exception {
    tokens.hold();
    tokens.refuse("invalid_client");
    CompletableFuture<String> item = client().get("7").toCompletableFuture();
    tokens.awaitRequest();
    assertFalse(item.isDone());
    tokens.release();

    TokenRequestException refused = assertInstanceOf(TokenRequestException.class, failure(item));
    assertEquals("invalid_client", refused.error());
  }

  @Test
  void responseMethodCompletesWithTheRefusalInsteadOfFailing() throws Exception {
    tokens.answer(issued("profile"));

    try (Response answer = client().answer("7").toCompletableFuture().get()) {
      assertEquals(403, answer.getStatus());
    }
  }

  @Test
  void responseMethodOfAThrowingClientCompletesWithTheTypedException() {
    tokens.answer(issued("profile"));
    AsyncItemsClient client = OAuthClients.builder(AsyncItemsClient.class)
        .baseUri(app.base())
        .settings(OAuthClientSettings.builder()
            .tokenEndpoint(tokens.uri())
            .clientId("items-service")
            .authentication(ClientAuthentication.clientSecretBasic("secret"))
            .build())
        .responsesThrowOnError()
        .build();

    assertInstanceOf(InsufficientScopeException.class,
        failure(client.answer("7").toCompletableFuture()));
  }

  @Test
  void voidMethodCompletesWithNullAfterA2xxAnswer() throws Exception {
    tokens.answer(issued("items:read"));

    assertNull(client().check("7").toCompletableFuture().get());
  }

  /**
   * A token endpoint on loopback that answers with scripted access tokens (or a refusal) and,
   * while held, keeps every request waiting until released.
   */
  private static final class HeldTokenEndpoint implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final ConcurrentLinkedDeque<String> answers = new ConcurrentLinkedDeque<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean held;
    private volatile String refusal;

    HeldTokenEndpoint() throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/token", this::token);
      server.setExecutor(threads);
      server.start();
    }

    String uri() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    void answer(String accessToken) {
      answers.add(accessToken);
    }

    void refuse(String error) {
      refusal = error;
    }

    void hold() {
      held = true;
      answers.add(issued("items:read"));
    }

    void awaitRequest() throws InterruptedException {
      requested.await();
    }

    void release() {
      released.countDown();
    }

    int requests() {
      return requests.get();
    }

    private void token(HttpExchange exchange) throws IOException {
      exchange.getRequestBody().readAllBytes();
      requests.incrementAndGet();
      requested.countDown();
      if (held) {
        try {
          released.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          exchange.close();
          return;
        }
      }
      String error = refusal;
      String next = answers.size() > 1 ? answers.poll() : answers.peek();
      int status = error != null ? 400 : 200;
      String body = error != null
          ? "{\"error\":\"" + error + "\"}"
          : "{\"access_token\":\"" + next + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}";
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }

    @Override
    public void close() {
      released.countDown();
      server.stop(0);
      threads.shutdownNow();
    }
  }
}
