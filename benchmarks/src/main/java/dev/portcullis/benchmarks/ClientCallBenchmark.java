package dev.portcullis.benchmarks;

import dev.portcullis.benchmarks.client.ExpectedBearer;
import dev.portcullis.benchmarks.client.LoopbackTokenEndpoint;
import dev.portcullis.benchmarks.client.OrderResource;
import dev.portcullis.benchmarks.client.OrdersClient;
import dev.portcullis.client.ClientAuthentication;
import dev.portcullis.client.OAuthClientSettings;
import dev.portcullis.client.OAuthClients;
import dev.portcullis.client.TokenClient;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one call to an OAuth-protected API with a token already cached: a hand-written
 * JAX-RS client call, holding its token in a field, beside the same call through the stub the
 * Portcullis processor generates for {@link OrdersClient}, which takes its token from a {@code
 * TokenClient}'s cache.
 *
 * <p>Both send {@code GET /orders/A-1042} with {@code Accept: application/json} and {@code
 * Authorization: Bearer <token>} through the same Jersey {@link Client} to a Jersey server on
 * Grizzly at 127.0.0.1, which answers a 47-byte JSON document, and read the answer as a {@code
 * String}. The server accepts exactly the one token that a real token endpoint on loopback
 * issues (a 1.3 KB RS256 JWT, valid for a day) and answers anything else {@code 401}.
 *
 * <p>The setup checks that both calls return the expected body, that the server refuses a wrong
 * token and a missing one, and that the stub obtained its token with one request to the token
 * endpoint. The teardown checks that there was still only that one request after warm-up and
 * measurement: a stub that asked for a token per call would fail the run, not look slow.
 *
 * <p>The warm-up is longer than the token benchmarks': on two cores the Jersey client and
 * server keep getting faster for about 25 seconds.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 10, time = 3)
@Measurement(iterations = 10, time = 2)
public class ClientCallBenchmark {
  static final String ORDER_ID = "A-1042";

  /** The API server, the token endpoint, the shared JAX-RS client and the generated stub. */
  @State(Scope.Benchmark)
  public static class Loopback {
    static final String CLIENT_ID = "benchmark-client";
    static final String SCOPE = "orders:read";
    static final long TOKEN_LIFETIME_SECONDS = 86_400;

    LoopbackTokenEndpoint tokenEndpoint;
    HttpServer api;
    Client client;
    WebTarget base;
    URI baseUri;
    String token;
    TokenClient tokens;
    OrdersClient stub;

    @Setup
    public void start() throws Exception {
      String accessToken = TokenFixture.create("RS256").token(TOKEN_LIFETIME_SECONDS);
      byte[] secret = new byte[32];
      new SecureRandom().nextBytes(secret);
      String clientSecret = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
      tokenEndpoint = LoopbackTokenEndpoint.start(CLIENT_ID, clientSecret, SCOPE, accessToken,
          TOKEN_LIFETIME_SECONDS);

      ResourceConfig app = new ResourceConfig(OrderResource.class)
          .register(new ExpectedBearer(accessToken))
          .property(ServerProperties.WADL_FEATURE_DISABLE, true);
      api = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), app);
      baseUri = URI.create("http://127.0.0.1:" + api.getListener("grizzly").getPort() + "/");

      client = ClientBuilder.newBuilder()
          .connectTimeout(5, TimeUnit.SECONDS)
          .readTimeout(10, TimeUnit.SECONDS)
          .build();
      base = client.target(baseUri);
      // What a hand-written client would have obtained earlier and kept.
      token = accessToken;
      tokens = TokenClient.create(OAuthClientSettings.builder()
          .tokenEndpoint(tokenEndpoint.uri().toString())
          .clientId(CLIENT_ID)
          .authentication(ClientAuthentication.clientSecretBasic(clientSecret))
          .scopes(SCOPE)                                   // what OrdersClient's @OAuthClient asks for
          .build());
      stub = OAuthClients.builder(OrdersClient.class)
          .baseUri(baseUri)
          .tokens(tokens)
          .client(client)
          .build();
      check();
    }

    private void check() {
      String expected = OrderResource.answer(ORDER_ID);
      if (tokenEndpoint.requests() != 0) {
        throw new IllegalStateException("Creating the stub already requested a token.");
      }
      if (!expected.equals(handWritten(ORDER_ID))) {
        throw new IllegalStateException("The hand-written call did not return the expected order.");
      }
      expectRefused("a wrong token", base.path("orders/{id}").resolveTemplate("id", ORDER_ID, true)
          .request(MediaType.APPLICATION_JSON).header(HttpHeaders.AUTHORIZATION, "Bearer x" + token));
      expectRefused("no token", base.path("orders/{id}").resolveTemplate("id", ORDER_ID, true)
          .request(MediaType.APPLICATION_JSON));
      if (!expected.equals(stub.order(ORDER_ID))) {
        throw new IllegalStateException("The generated stub did not return the expected order.");
      }
      if (!expected.equals(stub.order(ORDER_ID)) || tokenEndpoint.requests() != 1) {
        throw new IllegalStateException("The generated stub made " + tokenEndpoint.requests()
            + " token requests for its first two calls; one was expected.");
      }
      if (!expected.equals(newStub().order(ORDER_ID)) || tokenEndpoint.requests() != 1) {
        throw new IllegalStateException("A stub built with the default JAX-RS client did not return the expected"
            + " order with the cached token.");
      }
    }

    private static void expectRefused(String what, Invocation.Builder request) {
      try (Response response = request.get()) {
        if (response.getStatus() != 401) {
          throw new IllegalStateException("The API server answered " + response.getStatus()
              + " to a request with " + what + "; 401 was expected.");
        }
      }
    }

    /**
     * A stub built as a web application builds one per user or per request: with the shared
     * token client and without a JAX-RS client of its own, so OAuthClients provides the default.
     */
    OrdersClient newStub() {
      return OAuthClients.builder(OrdersClient.class).baseUri(baseUri).tokens(tokens).build();
    }

    /** The call as a user would write it with the token at hand. */
    String handWritten(String id) {
      return base.path("orders/{id}")
          .resolveTemplate("id", id, true)
          .request(MediaType.APPLICATION_JSON)
          .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
          .get(String.class);
    }

    @TearDown
    public void stop() {
      int requests = tokenEndpoint.requests();
      client.close();
      api.shutdownNow();
      tokenEndpoint.close();
      System.out.println("token endpoint requests in this trial: " + requests);
      if (requests != 1) {
        throw new IllegalStateException("The token endpoint received " + requests + " requests"
            + " during the trial; the stub should have asked once and then used its cache.");
      }
    }
  }

  @Benchmark
  public String handWritten(Loopback loopback) {
    return loopback.handWritten(ORDER_ID);
  }

  @Benchmark
  public String generatedStub(Loopback loopback) {
    return loopback.stub.order(ORDER_ID);
  }

  /** A stub built for the call, with the default JAX-RS client, then the call: a client per request or user. */
  @Benchmark
  public String stubBuiltForTheCall(Loopback loopback) {
    return loopback.newStub().order(ORDER_ID);
  }
}
