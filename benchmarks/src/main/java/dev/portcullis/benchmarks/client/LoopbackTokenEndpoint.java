package dev.portcullis.benchmarks.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A token endpoint on loopback that answers the {@code client_credentials} grant of one client
 * (HTTP Basic client authentication, RFC 6749 section 2.3.1) with one fixed, long-lived access
 * token, and counts every request it receives, answered or refused.
 *
 * <p>It is the JDK's {@code HttpServer}: its throughput does not matter here, because a client
 * that caches its token asks it once.
 */
public final class LoopbackTokenEndpoint implements AutoCloseable {
  private final HttpServer server;
  private final String clientId;
  private final String clientSecret;
  private final String scope;
  private final String accessToken;
  private final long expiresIn;
  private final AtomicInteger requests = new AtomicInteger();

  private LoopbackTokenEndpoint(HttpServer server, String clientId, String clientSecret,
      String scope, String accessToken, long expiresIn) {
    this.server = server;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.scope = scope;
    this.accessToken = accessToken;
    this.expiresIn = expiresIn;
  }

  /**
   * Starts the endpoint on a free loopback port.
   *
   * @param clientId the only client id accepted
   * @param clientSecret its secret; never written anywhere
   * @param scope the scope the client must request, granted as asked
   * @param accessToken the token issued; never written anywhere but the token response
   * @param expiresIn the token's lifetime in seconds, as {@code expires_in}
   */
  public static LoopbackTokenEndpoint start(String clientId, String clientSecret, String scope,
      String accessToken, long expiresIn) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    LoopbackTokenEndpoint endpoint =
        new LoopbackTokenEndpoint(server, clientId, clientSecret, scope, accessToken, expiresIn);
    server.createContext("/token", endpoint::answer);
    server.start();
    return endpoint;
  }

  /** The token endpoint's URL. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
  }

  /** How many requests reached the endpoint so far, refused ones included. */
  public int requests() {
    return requests.get();
  }

  private void answer(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    if (!exchange.getRequestMethod().equals("POST")) {
      send(exchange, 405, "{\"error\":\"invalid_request\"}");
      return;
    }
    if (!authenticated(exchange.getRequestHeaders().getFirst("Authorization"))) {
      exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"token\"");
      send(exchange, 401, "{\"error\":\"invalid_client\"}");
      return;
    }
    Map<String, String> form = form(body);
    if (!"client_credentials".equals(form.get("grant_type"))) {
      send(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
      return;
    }
    String requested = form.get("scope");
    if (requested == null || !Arrays.asList(requested.split(" ")).contains(scope)) {
      send(exchange, 400, "{\"error\":\"invalid_scope\"}");
      return;
    }
    send(exchange, 200, "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\","
        + "\"expires_in\":" + expiresIn + ",\"scope\":\"" + requested + "\"}");
  }

  private boolean authenticated(String authorization) {
    if (authorization == null || !authorization.startsWith("Basic ")) {
      return false;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
          StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    int colon = decoded.indexOf(':');
    return colon > 0
        && URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8).equals(clientId)
        && URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)
            .equals(clientSecret);
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
