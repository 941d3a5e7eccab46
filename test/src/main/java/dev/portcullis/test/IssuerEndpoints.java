package dev.portcullis.test;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The test issuer on the network: OpenID Connect discovery, RFC 8414 metadata and the JWKS,
 * served by the JDK's HTTP server on an ephemeral port of 127.0.0.1, the only documents an
 * application needs to verify the issuer's tokens. Anything else is 404; anything but GET 405.
 */
final class IssuerEndpoints implements AutoCloseable {
  static final String JWKS_PATH = "/jwks";

  private final HttpServer server;
  private final String issuer;

  private IssuerEndpoints(HttpServer server) {
    this.server = server;
    this.issuer = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Binds a free loopback port and starts serving the metadata and keys of {@code keys}. */
  static IssuerEndpoints start(IssuerKeys keys) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open a port on 127.0.0.1 for the test issuer", e);
    }
    IssuerEndpoints endpoints = new IssuerEndpoints(server);
    String metadata = endpoints.metadata(keys);
    String jwks = keys.jwks();
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      if (!exchange.getRequestMethod().equals("GET")) {
        send(exchange, 405, "{\"error\":\"method_not_allowed\"}");
      } else if (path.equals("/.well-known/openid-configuration")
          || path.equals("/.well-known/oauth-authorization-server")) {
        send(exchange, 200, metadata);
      } else if (path.equals(JWKS_PATH)) {
        send(exchange, 200, jwks);
      } else {
        send(exchange, 404, "{\"error\":\"not_found\"}");
      }
    });
    server.start();
    return endpoints;
  }

  /** {@code http://127.0.0.1:<port>}, without a trailing slash, as tokens' {@code iss}. */
  String issuer() {
    return issuer;
  }

  URI jwksUri() {
    return URI.create(issuer + JWKS_PATH);
  }

  private String metadata(IssuerKeys keys) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("issuer", issuer);
    document.put("jwks_uri", jwksUri().toString());
    document.put("id_token_signing_alg_values_supported", List.of(keys.algorithm()));
    return JSONObjectUtils.toJSONString(document);
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
