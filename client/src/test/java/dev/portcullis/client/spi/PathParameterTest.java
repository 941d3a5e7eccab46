package dev.portcullis.client.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.portcullis.client.AccessToken;
import dev.portcullis.client.TokenSource;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Path parameters a normalising server or proxy would not keep as one segment are refused. */
class PathParameterTest {
  private final List<String> paths = new CopyOnWriteArrayList<>();
  private final AtomicInteger tokensAsked = new AtomicInteger();
  private HttpServer api;
  private Client client;
  private StubTarget stub;

  @BeforeEach
  void start() throws Exception {
    api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    api.createContext("/", exchange -> {
      paths.add(exchange.getRequestURI().getRawPath());
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    api.start();
    client = ClientBuilder.newClient();
    stub = new StubTarget(client.target("http://127.0.0.1:" + api.getAddress().getPort()
        + "/api"), new CountingTokens());
  }

  @AfterEach
  void stop() {
    client.close();
    api.stop(0);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"..", ".", "", "..;jsessionid=x", ";v=1"})
  void segmentThatNormalisationWouldRemoveIsRefusedBeforeAnythingIsSent(String value) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> stub.call("DELETE", "orders/{id}").pathParam("id", value).invokeWithoutResult());

    assertTrue(e.getMessage().startsWith("The path parameter \"id\" is "), e.getMessage());
    assertTrue(e.getMessage().contains("would reach another resource"), e.getMessage());
    assertEquals(List.of(), paths);
    assertEquals(0, tokensAsked.get());
  }

  @Test
  void parentSegmentMessageSaysWhatWouldHappen() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> stub.call("GET", "orders/{id}").pathParam("id", ".."));

    assertEquals("The path parameter \"id\" is \"..\", which a server or proxy that normalises"
        + " the path reads as the parent segment, so the request and its token would reach"
        + " another resource. Refuse such values before calling, or send them as a query"
        + " parameter or in the body.", e.getMessage());
  }

  @ParameterizedTest(name = "\"{0}\" is sent as {1}")
  @CsvSource({
      "..., /api/orders/...",
      "v1.2, /api/orders/v1.2",
      "%2e%2e, /api/orders/%252e%252e",
      "a/.., /api/orders/a%2F.."})
  void valuesThatStayOneSegmentAreSent(String value, String path) {
    stub.call("GET", "orders/{id}").pathParam("id", value).invokeWithoutResult();

    assertEquals(List.of(path), paths);
    assertEquals(1, tokensAsked.get());
  }

  private final class CountingTokens implements TokenSource {
    @Override
    public AccessToken token() {
      tokensAsked.incrementAndGet();
      return AccessToken.of("t", "Bearer", Instant.now().plusSeconds(60), Set.of());
    }
  }
}
