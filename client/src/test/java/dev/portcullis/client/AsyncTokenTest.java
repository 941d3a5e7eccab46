package dev.portcullis.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.client.CheckingTokenEndpoint.Reply;
import dev.portcullis.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link TokenSource#tokenAsync()}: the calling thread never waits for the token endpoint, a
 * cached token completes the stage at once, and asynchronous and synchronous callers share one
 * request. Every test waits on latches the token endpoint holds, never on time; the timeout
 * only turns a blocked caller into a failure instead of a hang.
 */
@Timeout(60)
class AsyncTokenTest {
  private final MutableClock clock = new MutableClock();
  private final CountDownLatch requested = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  @RegisterExtension
  final CheckingTokenEndpoint endpoint = new CheckingTokenEndpoint();

  @AfterEach
  void stop() {
    release.countDown();
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

  /** The endpoint answers {@code reply} once the test releases it. */
  private void heldUntilReleased(Reply reply) {
    endpoint.otherwise(n -> {
      requested.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return reply;
    });
  }

  @Test
  void callerReturnsBeforeTheTokenEndpointAnswers() throws Exception {
    heldUntilReleased(Reply.token("late", 600));
    TokenClient client = client(b -> b);

    CompletableFuture<AccessToken> token = client.tokenAsync().toCompletableFuture();
    requested.await();

    assertFalse(token.isDone(), "the token endpoint has not answered yet");
    release.countDown();
    assertEquals("late", token.get().value());
  }

  @Test
  void cachedTokenCompletesTheStageAtOnce() throws Exception {
    endpoint.otherwise(n -> Reply.token("token-" + n, 600));
    TokenClient client = client(b -> b);
    client.token();

    CompletableFuture<AccessToken> cached = client.tokenAsync().toCompletableFuture();

    assertTrue(cached.isDone());
    assertEquals("token-1", cached.get().value());
    assertEquals(1, endpoint.requestCount());
  }

  @Test
  void asynchronousAndSynchronousCallersShareOneTokenRequest() throws Exception {
    heldUntilReleased(Reply.token("shared", 600));
    TokenClient client = client(b -> b);
    List<CompletableFuture<AccessToken>> stages = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      stages.add(client.tokenAsync().toCompletableFuture());
    }
    ExecutorService waiting = Executors.newSingleThreadExecutor();
    try {
      var synchronous = waiting.submit(client::token);
      requested.await();
      release.countDown();

      for (CompletableFuture<AccessToken> stage : stages) {
        assertEquals("shared", stage.get().value());
      }
      assertEquals("shared", synchronous.get().value());
    } finally {
      waiting.shutdownNow();
    }
    assertEquals(1, endpoint.requestCount());
  }

  @Test
  void stagesAreTheCallersOwn() throws Exception {
    heldUntilReleased(Reply.token("real", 600));
    TokenClient client = client(b -> b);
    CompletableFuture<AccessToken> first = client.tokenAsync().toCompletableFuture();
    CompletableFuture<AccessToken> second = client.tokenAsync().toCompletableFuture();

    first.complete(AccessToken.of("forged", "Bearer", clock.instant().plusSeconds(600), Set.of()));
    release.countDown();

    assertEquals("real", second.get().value());
    assertEquals("real", client.token().value());
  }

  @Test
  void refusedRequestCompletesTheStageWithTokenRequestException() throws Exception {
    heldUntilReleased(Reply.error(400, "invalid_client"));
    TokenClient client = client(b -> b);

    CompletableFuture<AccessToken> token = client.tokenAsync().toCompletableFuture();
    requested.await();
    assertFalse(token.isDone());
    release.countDown();

    ExecutionException failed = assertThrows(ExecutionException.class, token::get);
    TokenRequestException refusal =
        assertInstanceOf(TokenRequestException.class, failed.getCause());
    assertEquals("invalid_client", refusal.error());
  }

  @Test
  void tokenForOtherScopesIsAlsoObtainedWithoutBlocking() throws Exception {
    heldUntilReleased(Reply.token("admin", 600));
    TokenSource admin = client(b -> b).forScopes(Set.of("orders:admin"));

    CompletableFuture<AccessToken> token = admin.tokenAsync().toCompletableFuture();
    requested.await();
    assertFalse(token.isDone());
    release.countDown();

    assertEquals("admin", token.get().value());
    assertEquals("orders:admin", endpoint.last().param("scope"));
  }

  @Test
  void requestRunsOnTheConfiguredExecutor() throws Exception {
    endpoint.otherwise(n -> Reply.token("token-" + n, 600));
    AtomicReference<String> ranOn = new AtomicReference<>();
    ExecutorService custom = Executors.newSingleThreadExecutor(task -> new Thread(() -> {
      ranOn.set(Thread.currentThread().getName());
      task.run();
    }, "custom-token-thread"));
    try {
      TokenClient client = client(b -> b.executor(custom));

      assertEquals("token-1", client.tokenAsync().toCompletableFuture().get().value());
      assertEquals("custom-token-thread", ranOn.get());
    } finally {
      custom.shutdownNow();
    }
  }

  @Test
  void executorThatRefusesTheRequestCompletesTheStageWithTokenAcquisitionException() {
    endpoint.otherwise(n -> Reply.token("token-" + n, 600));
    TokenClient client = client(b -> b.executor(task -> {
      throw new RejectedExecutionException("shut down");
    }));

    ExecutionException failed = assertThrows(ExecutionException.class,
        () -> client.tokenAsync().toCompletableFuture().get());

    TokenAcquisitionException e =
        assertInstanceOf(TokenAcquisitionException.class, failed.getCause());
    assertEquals("The executor for asynchronous token requests refused the request for scopes"
        + " [orders:read] (it is shut down or full), so no token could be obtained. Give"
        + " OAuthClientSettings.Builder.executor(...) an executor that accepts tasks while the"
        + " client is in use.", e.getMessage());
    assertEquals(0, endpoint.requestCount());
  }

  @Test
  void lambdaSourceIsCalledOnASharedDaemonThread() throws Exception {
    AtomicReference<Thread> calledOn = new AtomicReference<>();
    TokenSource lambda = () -> {
      calledOn.set(Thread.currentThread());
      requested.countDown();
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return AccessToken.of("fixed", "Bearer", clock.instant().plusSeconds(600), Set.of());
    };

    CompletableFuture<AccessToken> token = lambda.tokenAsync().toCompletableFuture();
    requested.await();
    assertFalse(token.isDone());
    release.countDown();

    assertEquals("fixed", token.get().value());
    assertTrue(calledOn.get().getName().startsWith("portcullis-token-"), calledOn.get().getName());
    assertTrue(calledOn.get().isDaemon());
  }
}
