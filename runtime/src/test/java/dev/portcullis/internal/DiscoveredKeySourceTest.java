package dev.portcullis.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.sun.net.httpserver.HttpServer;
import dev.portcullis.testing.MutableClock;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Lazy discovery with exponential backoff while the authorization server is failing. */
class DiscoveredKeySourceTest {

  @Test
  void failedDiscoveryIsRetriedOnlyAfterADoublingBackoffAndThenSucceeds() throws Exception {
    AtomicInteger hits = new AtomicInteger();
    AtomicReference<Boolean> up = new AtomicReference<>(false);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    String issuer = "http://127.0.0.1:" + server.getAddress().getPort();
    server.createContext("/.well-known/openid-configuration", exchange -> {
      hits.incrementAndGet();
      byte[] body = ("{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/jwks\"}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(up.get() ? 200 : 503, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
      AtomicReference<URI> found = new AtomicReference<>();
      DiscoveredKeySource source = new DiscoveredKeySource(
          new IssuerMetadata(URI.create(issuer), Duration.ofSeconds(2), false),
          uri -> {
            found.set(uri);
            return (selector, context) -> List.of();
          },
          clock, Duration.ofSeconds(1), Duration.ofSeconds(4));
      JWKSelector any = new JWKSelector(new JWKMatcher.Builder().build());

      assertThrows(KeySourceException.class, () -> source.get(any, null));
      assertEquals(1, hits.get());
      assertThrows(KeySourceException.class, () -> source.get(any, null));
      assertEquals(1, hits.get(), "no new attempt inside the 1 s backoff");

      clock.advance(Duration.ofMillis(1001));
      assertThrows(KeySourceException.class, () -> source.get(any, null));
      assertEquals(2, hits.get());
      clock.advance(Duration.ofMillis(1500));
      assertThrows(KeySourceException.class, () -> source.get(any, null));
      assertEquals(2, hits.get(), "the backoff doubled to 2 s");

      up.set(true);
      clock.advance(Duration.ofMillis(600));
      assertEquals(List.of(), source.get(any, null));
      assertEquals(URI.create(issuer + "/jwks"), found.get());
      source.get(any, null);
      assertEquals(3, hits.get(), "metadata is read once after success");
    } finally {
      server.stop(0);
    }
  }
}
