package dev.portcullis.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.portcullis.client.CheckingTokenEndpoint.Reply;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A JAX-RS client with the filter sends the bearer token to a real HTTP API. */
class BearerTokenFilterTest {
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  @RegisterExtension
  final CheckingTokenEndpoint tokenEndpoint = new CheckingTokenEndpoint();
  private HttpServer api;
  private Client client;

  @BeforeEach
  void start() throws Exception {
    api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    api.createContext("/revoking", exchange -> {
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      authorizations.add(authorization);
      if (authorization.equals("Bearer token-1")) {
        exchange.getResponseHeaders().add("WWW-Authenticate",
            "Bearer realm=\"orders\", error=\"invalid_token\"");
        exchange.sendResponseHeaders(401, -1);
      } else {
        exchange.sendResponseHeaders(204, -1);
      }
      exchange.close();
    });
    api.createContext("/orders", exchange -> {
      authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
      byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    api.start();
    client = ClientBuilder.newClient();
  }

  @AfterEach
  void stop() {
    client.close();
    api.stop(0);
  }

  private String ordersUrl() {
    return "http://127.0.0.1:" + api.getAddress().getPort() + "/orders";
  }

  private TokenClient tokens() {
    return TokenClient.create(OAuthClientSettings.builder()
        .tokenEndpoint(tokenEndpoint.tokenUri().toString())
        .clientId("billing")
        .authentication(ClientAuthentication.clientSecretBasic("s"))
        .retry(1, Duration.ZERO)
        .build());
  }

  @Test
  void requestsCarryTheCachedBearerToken() {
    client.register(new BearerTokenFilter(tokens()));

    assertEquals("[]", client.target(ordersUrl()).request().get(String.class));
    client.target(ordersUrl()).request().get(String.class);

    assertEquals(List.of("Bearer token-1", "Bearer token-1"), authorizations);
    assertEquals(1, tokenEndpoint.requestCount());
  }

  @Test
  void theTokenUsedIsRecordedOnTheRequestForTheReplayDecision() {
    TokenClient tokens = tokens();
    AtomicReference<Object> recorded = new AtomicReference<>();
    client.register(new BearerTokenFilter(tokens)).register(
        (jakarta.ws.rs.client.ClientResponseFilter) (request, response) ->
            recorded.set(request.getProperty(BearerTokenFilter.TOKEN_PROPERTY)));

    client.target(ordersUrl()).request().get(String.class);

    assertSame(tokens.token(), recorded.get());
  }

  @Test
  void noTokenMeansTheRequestIsNotSent() {
    tokenEndpoint.then(Reply.error(401, "invalid_client"));
    client.register(new BearerTokenFilter(tokens()));

    ProcessingException e = assertThrows(ProcessingException.class,
        () -> client.target(ordersUrl()).request().get(String.class));

    TokenRequestException cause = assertInstanceOf(TokenRequestException.class, e.getCause());
    assertEquals("invalid_client", cause.error());
    assertEquals(List.of(), authorizations);
  }

  @Test
  void invalidTokenAnswerLeadsToOneNewTokenAndOneSuccessfulReplay() {
    TokenClient tokens = tokens();
    client.register(new BearerTokenFilter(tokens));
    jakarta.ws.rs.client.WebTarget target = client.target(ordersUrl().replace("/orders",
        "/revoking"));

    jakarta.ws.rs.core.Response first = target.request().get();
    assertEquals(401, first.getStatus());
    assertTrue(TokenRejection.isInvalidToken(first.getStatus(),
        first.getStringHeaders().get("WWW-Authenticate")));
    tokens.invalidate(tokens.token());
    jakarta.ws.rs.core.Response replay = target.request().get();

    assertEquals(204, replay.getStatus());
    assertEquals(List.of("Bearer token-1", "Bearer token-2"), authorizations);
    assertEquals(2, tokenEndpoint.requestCount());
  }
}
