package dev.portcullis.benchmarks;

import com.sun.net.httpserver.HttpServer;
import dev.portcullis.AccessTokenVerifier;
import dev.portcullis.PortcullisConfig;
import dev.portcullis.TokenPrincipal;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * An opaque token whose introspection answer is cached, verified through the public {@link
 * AccessTokenVerifier}: to set beside {@link VerificationBenchmark#portcullisWarm}, a JWT the
 * token cache remembers. The introspection endpoint is a loopback server that answers every
 * token active; the setup checks that the measured look-ups never reach it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class IntrospectionBenchmark {
  private HttpServer endpoint;
  private final AtomicInteger calls = new AtomicInteger();
  private AccessTokenVerifier verifier;
  private String repeat;

  @Setup
  public void prepare() throws Exception {
    long exp = Instant.now().plus(Duration.ofHours(2)).getEpochSecond();
    byte[] active = ("{\"active\":true,\"iss\":\"" + TokenFixture.ISSUER + "\",\"aud\":\"" + TokenFixture.AUDIENCE
        + "\",\"exp\":" + exp + ",\"scope\":\"orders:read\",\"client_id\":\"shop\",\"sub\":\"alice\"}")
        .getBytes(StandardCharsets.UTF_8);
    try {
      endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    endpoint.createContext("/introspect", exchange -> {
      calls.incrementAndGet();
      exchange.getRequestBody().readAllBytes();
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, active.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(active);
      }
    });
    endpoint.start();
    verifier = AccessTokenVerifier.create(PortcullisConfig.builder()
        .issuer(TokenFixture.ISSUER)
        .audience(TokenFixture.AUDIENCE)
        .introspection("orders-api", "orders-api-secret")
        .introspectionEndpoint(URI.create("http://127.0.0.1:" + endpoint.getAddress().getPort() + "/introspect"))
        .introspectAllTokens(true)
        .build());
    String token = "opaque-" + "x".repeat(40);
    TokenPrincipal first = verifier.verify(token);
    // An equal string, not the same instance: as when the token arrives in a new request.
    repeat = new String(token.toCharArray());
    if (verifier.verify(repeat) != first || calls.get() != 1) {
      throw new IllegalStateException("The introspected token was not answered from the cache.");
    }
  }

  @TearDown
  public void stop() {
    int made = calls.get();
    endpoint.stop(0);
    if (made != 1) {
      throw new IllegalStateException("The measured look-ups reached the endpoint " + (made - 1) + " times.");
    }
  }

  @Benchmark
  public TokenPrincipal portcullisIntrospectedWarm() throws Exception {
    return verifier.verify(repeat);
  }
}
