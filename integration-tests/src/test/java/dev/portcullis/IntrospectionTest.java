package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.portcullis.testapp.MeResource;
import dev.portcullis.testapp.OrdersResource;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Introspection (RFC 7662) behind a real Jakarta REST server: mock-oauth2-server's
 * introspection endpoint, found through discovery, judging every token; and JWTs verified
 * locally next to opaque tokens introspected on one API.
 */
class IntrospectionTest {
  private MockOAuth2Server server;

  @BeforeEach
  void start() throws Exception {
    server = new MockOAuth2Server();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    server.shutdown();
  }

  private String token(String issuerId, String scope, String audience) {
    return server.issueToken(issuerId, "orders-web", new DefaultOAuth2TokenCallback(issuerId, "bob", "JWT",
        List.of(audience), Map.of("scope", scope), 3600)).serialize();
  }

  @Test
  void everyTokenIsJudgedByTheAuthorizationServersIntrospectionEndpoint() throws Exception {
    PortcullisConfig config = PortcullisConfig.builder().issuer(server.issuerUrl("default").toString())
        .audience(KeyServer.AUDIENCE).introspectAllTokens(true).introspection("orders-api", "orders-api-secret")
        .build();
    try (TestApp app = TestApp.start(config, OrdersResource.class, MeResource.class)) {
      assertEquals(200, app.bearer("/orders", token("default", "orders:read", KeyServer.AUDIENCE)).status());
      assertEquals(403, app.bearer("/orders", token("default", "profile", KeyServer.AUDIENCE)).status());
      Answer me = app.bearer("/me", token("default", "orders:read", KeyServer.AUDIENCE));
      assertTrue(me.body().contains("subject=bob\n"), me::toString);
      assertTrue(me.body().contains("scopes=[orders:read]\n"), me::toString);

      // Signed by another issuer of the server: the endpoint says it is not active (no keys are
      // loaded here, so only the endpoint can say so).
      Answer foreign = app.bearer("/orders", token("other", "orders:read", KeyServer.AUDIENCE));
      assertEquals(401, foreign.status(), foreign::toString);
      assertTrue(foreign.header("WWW-Authenticate").contains("error_description=\"The token is not active.\""),
          foreign::toString);
      // Active, but for another API.
      Answer otherApi = app.bearer("/orders", token("default", "orders:read", "billing-api"));
      assertEquals(401, otherApi.status(), otherApi::toString);
      assertTrue(otherApi.header("WWW-Authenticate").contains("audience mismatch"), otherApi::toString);
      // Not a token the server issued at all.
      assertEquals(401, app.bearer("/orders", "2YotnFZFEjr1zCsicMWpAA").status());
    }
  }

  /** A loopback introspection endpoint that knows one opaque token. */
  private static final class OpaqueTokens implements AutoCloseable {
    static final String TOKEN = "2YotnFZFEjr1zCsicMWpAA";
    final HttpServer http;
    final AtomicInteger calls = new AtomicInteger();

    OpaqueTokens(String issuer) throws IOException {
      http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      http.createContext("/introspect", exchange -> {
        calls.incrementAndGet();
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String body = form.contains("token=" + TOKEN)
            ? "{\"active\":true,\"iss\":\"" + issuer + "\",\"aud\":\"" + KeyServer.AUDIENCE + "\",\"sub\":\"carol\","
                + "\"scope\":\"orders:read\",\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}"
            : "{\"active\":false}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      });
      http.start();
    }

    URI endpoint() {
      return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/introspect");
    }

    @Override
    public void close() {
      http.stop(0);
    }
  }

  @Test
  void jwtsAreVerifiedLocallyAndOpaqueTokensIntrospectedOnOneApi() throws Exception {
    String issuer = server.issuerUrl("default").toString();
    try (OpaqueTokens opaque = new OpaqueTokens(issuer);
        TestApp app = TestApp.start(PortcullisConfig.builder().issuer(issuer).audience(KeyServer.AUDIENCE)
            .introspection("orders-api", "orders-api-secret").introspectionEndpoint(opaque.endpoint())
            .introspectionCacheTtl(Duration.ofSeconds(60)).build(), MeResource.class)) {
      Answer jwt = app.bearerOnceKeysLoaded("/me", token("default", "orders:read", KeyServer.AUDIENCE),
          MockAuthorizationServerTest.PATIENCE);
      assertEquals(200, jwt.status(), jwt::toString);
      assertTrue(jwt.body().contains("subject=bob\n"), jwt::toString);
      assertEquals(0, opaque.calls.get());

      Answer introspected = app.bearer("/me", OpaqueTokens.TOKEN);
      assertEquals(200, introspected.status(), introspected::toString);
      assertTrue(introspected.body().contains("subject=carol\n"), introspected::toString);
      assertEquals(200, app.bearer("/me", OpaqueTokens.TOKEN).status());
      assertEquals(1, opaque.calls.get(), "the second request is answered from the cache");
      assertEquals(401, app.bearer("/me", "unknown-opaque-token").status());
      assertEquals(2, opaque.calls.get());
    }
  }

  @Test
  void anIntrospectionEndpointThatIsDownIsA503WithRetryAfter() throws Exception {
    String issuer = server.issuerUrl("default").toString();
    URI endpoint;
    try (OpaqueTokens stopped = new OpaqueTokens(issuer)) {
      endpoint = stopped.endpoint();
    }
    // Every token introspected: no keys are loaded, whose loader would go on trying (and logging)
    // after the authorization server has stopped.
    try (TestApp app = TestApp.start(PortcullisConfig.builder().issuer(issuer).audience(KeyServer.AUDIENCE)
        .introspection("orders-api", "orders-api-secret").introspectionEndpoint(endpoint).introspectAllTokens(true)
        .build(), MeResource.class)) {
      Answer down = app.bearer("/me", OpaqueTokens.TOKEN);
      assertEquals(503, down.status(), down::toString);
      assertEquals("5", down.header("Retry-After"), down::toString);
      assertEquals("{\"error_description\":\"The token could not be verified because the authorization server's"
          + " introspection endpoint is unavailable.\"}", down.body());
    }
  }
}
