package dev.portcullis.internal.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.sun.net.httpserver.HttpServer;
import dev.portcullis.testing.CapturedLog;
import dev.portcullis.testing.MutableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Background loading: when attempts run, what a lookup meanwhile gets, and the backoff, on a
 * clock the test moves and with attempts the test runs by hand.
 */
class KeySetLoaderTest {
  private static final JWKSelector ANY = new JWKSelector(new JWKMatcher.Builder().build());
  private static final JWKSource<SecurityContext> EMPTY = (selector, context) -> List.of();

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final Deque<Duration> delays = new ArrayDeque<>();
  private final Deque<Runnable> scheduled = new ArrayDeque<>();

  private KeySetLoader loader(KeySetLoader.Attempt attempt) {
    return new KeySetLoader(attempt, clock, (task, delay) -> {
      scheduled.add(task);
      delays.add(delay);
    }, Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ZERO).start();
  }

  private Duration runNext() {
    delays.removeFirst();
    scheduled.removeFirst().run();
    return delays.peekLast();
  }

  @Test
  void firstAttemptRunsAtOnceAndLookupsMeanwhileFailWithoutWaiting() throws Exception {
    KeySetLoader loader = loader(() -> EMPTY);
    assertEquals(Duration.ZERO, delays.peek());
    KeySetLoader.NotLoaded e = assertThrows(KeySetLoader.NotLoaded.class, () -> loader.get(ANY, null));
    assertEquals(Duration.ofSeconds(1), e.retryAfter(), "at least a second");
    assertEquals(1, scheduled.size(), "a lookup schedules nothing");
    runNext();
    assertEquals(List.of(), loader.get(ANY, null));
    assertTrue(scheduled.isEmpty(), "nothing more once loaded");
  }

  @Test
  void anAttemptThatFailsBecauseTheLoaderWasClosedMeanwhileIsNeitherLoggedNorTriedAgain() {
    AtomicReference<KeySetLoader> self = new AtomicReference<>();
    KeySetLoader loader = loader(() -> {
      self.get().close(); // the application stops while the attempt runs
      throw new RejectedExecutionException("The executor was shut down.");
    });
    self.set(loader);
    try (CapturedLog log = new CapturedLog(KeySetLoader.class.getName())) {
      delays.removeFirst();
      scheduled.removeFirst().run();
      assertEquals(List.of(), log.lines());
    }
    assertTrue(scheduled.isEmpty(), "no attempt after close");
  }

  @Test
  void failedAttemptIsRetriedABackoffAfterItFailedNotAfterItStarted() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    AtomicBoolean up = new AtomicBoolean();
    KeySetLoader loader = loader(() -> {
      attempts.incrementAndGet();
      clock.advance(Duration.ofSeconds(10)); // an authorization server that answers slowly
      if (!up.get()) {
        throw new IOException("HTTP status 503.");
      }
      return EMPTY;
    });
    assertEquals(Duration.ofSeconds(1), runNext(), "the next attempt a backoff after the failure");
    KeySetLoader.NotLoaded e = assertThrows(KeySetLoader.NotLoaded.class, () -> loader.get(ANY, null));
    assertEquals(Duration.ofSeconds(1), e.retryAfter(), "the backoff runs from the failure, 10 s after the start");
    clock.advance(Duration.ofMillis(400));
    assertEquals(1, scheduled.size(), "lookups schedule nothing");
    assertEquals(Duration.ofSeconds(2), runNext(), "doubled");
    assertEquals(Duration.ofSeconds(4), runNext());
    assertEquals(Duration.ofSeconds(4), runNext(), "capped");
    assertEquals(Duration.ofSeconds(4), assertThrows(KeySetLoader.NotLoaded.class, () -> loader.get(ANY, null))
        .retryAfter());
    up.set(true);
    runNext();
    assertEquals(5, attempts.get());
    assertEquals(List.of(), loader.get(ANY, null));
    assertTrue(scheduled.isEmpty());
  }

  @Test
  void discoveryOverHttpIsRetriedUntilTheMetadataIsServedAndThenReadOnce() throws Exception {
    AtomicInteger hits = new AtomicInteger();
    AtomicBoolean up = new AtomicBoolean();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    String issuer = "http://127.0.0.1:" + server.getAddress().getPort();
    server.createContext("/.well-known/", exchange -> {
      hits.incrementAndGet();
      byte[] body = ("{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/jwks\"}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(up.get() ? 200 : 503, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      AtomicReference<URI> found = new AtomicReference<>();
      IssuerMetadata metadata = new IssuerMetadata(URI.create(issuer), Duration.ofSeconds(5), Duration.ofSeconds(5));
      KeySetLoader loader = loader(IssuerKeys.discovering(() -> IssuerKeys.jwksUri(metadata, false), uri -> {
            found.set(uri);
            return EMPTY;
          }));
      runNext();
      assertEquals(2, hits.get(), "both metadata locations were tried");
      assertThrows(KeySetLoader.NotLoaded.class, () -> loader.get(ANY, null));
      up.set(true);
      runNext();
      assertEquals(URI.create(issuer + "/jwks"), found.get());
      assertEquals(List.of(), loader.get(ANY, null));
      assertEquals(3, hits.get(), "metadata is read once after success");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void keySourceFailuresAreDescribedWithoutNull() {
    assertEquals("RateLimitReachedException", KeySetLoader.describe(new RateLimitReachedException()));
    assertEquals("Couldn't retrieve the JWK set; caused by: SocketTimeoutException", KeySetLoader.describe(
        new KeySourceException("Couldn't retrieve the JWK set", new java.net.SocketTimeoutException())));
  }

  @Test
  void aCertificateThatCouldNotBeValidatedIsExplainedWithTheSettingThatTrustsAPrivateCa() {
    javax.net.ssl.SSLHandshakeException handshake = new javax.net.ssl.SSLHandshakeException("PKIX path building"
        + " failed: unable to find valid certification path to requested target");
    handshake.initCause(new java.security.cert.CertificateException("unable to find valid certification path"));
    String hint = " The server's TLS certificate could not be validated: if a private CA signed it, set"
        + " portcullis.tls-trusted-certificates (environment PORTCULLIS_TLS_TRUSTED_CERTIFICATES) to a PEM file of"
        + " that CA's certificate (or check that the file it names holds it), and check that the certificate names"
        + " the host in the URL.";
    String key = "tls-trusted-certificates";
    assertEquals(hint, TrustedAuthorities.hint(
        new KeySourceException("Couldn't retrieve JWK set from URL", new IOException(handshake)), key));
    IOException discovery = new IOException("No usable metadata for issuer https://idp.example.com: ...");
    discovery.addSuppressed(new IOException("SSLHandshakeException (PKIX path building failed).", handshake));
    assertEquals(hint, TrustedAuthorities.hint(discovery, key), "each location's failure is kept");
    assertEquals("", TrustedAuthorities.hint(
        new KeySourceException("Couldn't retrieve the JWK set", new java.net.SocketTimeoutException()), key));
    assertEquals("", TrustedAuthorities.hint(new javax.net.ssl.SSLHandshakeException(
        "Received fatal alert: protocol_version"), key), "a handshake that failed for another reason");
    assertTrue(TrustedAuthorities.hint(handshake, key, "introspection-tls-trusted-certificates")
        .contains(" set portcullis.tls-trusted-certificates (environment PORTCULLIS_TLS_TRUSTED_CERTIFICATES) or"
            + " portcullis.introspection-tls-trusted-certificates to a PEM file"));
  }
}
