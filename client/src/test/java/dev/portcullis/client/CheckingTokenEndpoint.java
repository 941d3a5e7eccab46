package dev.portcullis.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A token endpoint on loopback that records every request it receives, so tests can check
 * exactly what the client sent, and answers with scripted replies.
 *
 * <p>A test class that needs one for each test registers it as an extension, which starts it
 * before each test's {@code @BeforeEach} methods and stops it after its {@code @AfterEach}
 * methods:
 *
 * <pre>{@code
 * @RegisterExtension
 * final CheckingTokenEndpoint endpoint = new CheckingTokenEndpoint();
 * }</pre>
 *
 * <p>{@link #start()} gives one that runs at once, for a try-with-resources block.
 */
final class CheckingTokenEndpoint implements AutoCloseable, BeforeEachCallback, AfterEachCallback {
  /** One request as received: lower-case header names, decoded form fields. */
  record Received(Map<String, List<String>> headers, Map<String, List<String>> form,
      String body) {
    String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null ? null : values.get(0);
    }

    String param(String name) {
      List<String> values = form.get(name);
      return values == null ? null : values.get(0);
    }
  }

  /** An answer: status, JSON or other body, a delay before it is sent, extra headers. */
  record Reply(int status, String contentType, String body, long delayMillis,
      Map<String, String> headers) {
    static Reply json(int status, String body) {
      return new Reply(status, "application/json", body, 0, Map.of());
    }

    static Reply html(String body) {
      return new Reply(200, "text/html", body, 0, Map.of());
    }

    /** No answer: the connection is closed once the request has been read. */
    static Reply hangUp() {
      return new Reply(HANG_UP, "text/plain", "", 0, Map.of());
    }

    static Reply redirect(URI location) {
      return new Reply(302, "text/plain", "", 0, Map.of("Location", location.toString()));
    }

    Reply withHeader(String name, String value) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put(name, value);
      return new Reply(status, contentType, body, delayMillis, more);
    }

    static Reply token(String accessToken, long expiresIn) {
      return json(200, "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\","
          + "\"expires_in\":" + expiresIn + "}");
    }

    static Reply error(int status, String error) {
      return json(status, "{\"error\":\"" + error + "\",\"error_description\":\"Described "
          + error + "\",\"error_uri\":\"https://as.example/errors/" + error + "\"}");
    }

    Reply delayed(long millis) {
      return new Reply(status, contentType, body, millis, headers);
    }
  }

  private static final int HANG_UP = -1;

  private HttpServer server;
  private ExecutorService executor;
  private final Deque<Reply> scripted = new ConcurrentLinkedDeque<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, String> documents = new LinkedHashMap<>();
  private volatile Function<Integer, Reply> otherwise = n -> Reply.token("token-" + n, 3600);

  /** A token endpoint that does not run yet: {@code @RegisterExtension} starts it for each test. */
  CheckingTokenEndpoint() {}

  /** A token endpoint running on loopback from now on; {@link #close()} stops it. */
  static CheckingTokenEndpoint start() throws IOException {
    CheckingTokenEndpoint endpoint = new CheckingTokenEndpoint();
    endpoint.listen();
    return endpoint;
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    listen();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    close();
  }

  private void listen() throws IOException {
    executor = Executors.newCachedThreadPool();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/token", this::token);
    server.createContext("/revoke", this::token);
    server.createContext("/", this::document);
    server.setExecutor(executor);
    server.start();
  }

  URI base() {
    if (server == null) {
      throw new IllegalStateException("The token endpoint is not running: it runs during each test"
          + " when registered with @RegisterExtension, or from CheckingTokenEndpoint.start() until"
          + " closed.");
    }
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  URI tokenUri() {
    return base().resolve("/token");
  }

  /** A revocation endpoint (RFC 7009), answered and recorded as the token endpoint is. */
  URI revocationUri() {
    return base().resolve("/revoke");
  }

  /** Answers the next requests with {@code replies}, in order. */
  CheckingTokenEndpoint then(Reply... replies) {
    scripted.addAll(List.of(replies));
    return this;
  }

  /** Answers unscripted requests with {@code reply}, given the 1-based request number. */
  CheckingTokenEndpoint otherwise(Function<Integer, Reply> reply) {
    this.otherwise = reply;
    return this;
  }

  /** Serves {@code json} at {@code path}, for discovery documents. */
  CheckingTokenEndpoint serve(String path, String json) {
    documents.put(path, json);
    return this;
  }

  int requestCount() {
    return received.size();
  }

  List<Received> received() {
    return new ArrayList<>(received);
  }

  Received last() {
    return received.get(received.size() - 1);
  }

  private void token(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) ->
        headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
    received.add(new Received(headers, form(body), body));
    int number = received.size();
    Reply reply = scripted.poll();
    if (reply == null) {
      reply = otherwise.apply(number);
    }
    if (reply.delayMillis() > 0) {
      try {
        Thread.sleep(reply.delayMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exchange.close();
        return;
      }
    }
    if (reply.status() == HANG_UP) {
      exchange.close(); // before any response header: the connection is closed
      return;
    }
    reply.headers().forEach(exchange.getResponseHeaders()::set);
    send(exchange, reply.status(), reply.contentType(), reply.body());
  }

  private void document(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    String json = documents.get(exchange.getRequestURI().getPath());
    if (json == null) {
      send(exchange, 404, "text/plain", "not found");
    } else {
      send(exchange, 200, "application/json", json);
    }
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  static Map<String, List<String>> form(String body) {
    Map<String, List<String>> form = new LinkedHashMap<>();
    if (body.isEmpty()) {
      return form;
    }
    for (String pair : body.split("&")) {
      int equals = pair.indexOf('=');
      String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals),
          StandardCharsets.UTF_8);
      String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1),
          StandardCharsets.UTF_8);
      form.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return form;
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
      server = null;
    }
  }
}
