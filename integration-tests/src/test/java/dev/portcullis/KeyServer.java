package dev.portcullis;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An authorization server the tests control: serves OpenID metadata and a JWKS on loopback
 * and mints tokens, good and bad, with nimbus. Counts JWKS fetches. Its JWKS holds its own
 * RSA signing key and any other public keys a test gives it.
 */
final class KeyServer implements AutoCloseable, AfterAllCallback {
  static final String AUDIENCE = "orders-api";
  private static final RSAKey SIGNING_KEY = generate("k1");
  private static final RSAKey OTHER_KEY = generate("k1");

  private final HttpServer server;
  private final AtomicInteger jwksHits = new AtomicInteger();
  private volatile JWKSet published;
  private volatile CountDownLatch hold;
  private final CountDownLatch held = new CountDownLatch(1);
  final String issuer;

  /**
   * A started key server for a whole test class: as a {@code @RegisterExtension} static field
   * it is closed after the class's last test.
   */
  static KeyServer started() {
    try {
      return new KeyServer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  KeyServer(JWK... alsoPublished) throws IOException {
    List<JWK> initial = new ArrayList<>(List.of(SIGNING_KEY.toPublicJWK()));
    initial.addAll(List.of(alsoPublished));
    published = new JWKSet(initial);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    issuer = "http://127.0.0.1:" + server.getAddress().getPort();
    server.createContext("/.well-known/openid-configuration", exchange -> send(exchange,
        "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/jwks\"}"));
    server.createContext("/jwks", exchange -> {
      jwksHits.incrementAndGet();
      CountDownLatch hold = this.hold;
      if (hold != null) {
        held.countDown();
        try {
          hold.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      send(exchange, published.toString());
    });
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  /** A new RSA key with {@code kid}, to rotate in. */
  static RSAKey generate(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Answers {@code body} as JSON, 200. */
  static void send(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  /** From now on the JWKS holds the public parts of exactly {@code keys}. */
  void publish(RSAKey... keys) {
    published = new JWKSet(List.of(keys).stream().map(k -> (JWK) k.toPublicJWK()).toList());
  }

  /** From now on JWKS requests are held, unanswered, until {@link #releaseJwks()} (at most 30 s). */
  void holdJwks() {
    hold = new CountDownLatch(1);
  }

  /** Waits, at most 20 s, until a JWKS request is being held. */
  void awaitHeldJwksRequest() throws InterruptedException {
    if (!held.await(20, TimeUnit.SECONDS)) {
      throw new IllegalStateException("no JWKS request arrived");
    }
  }

  void releaseJwks() {
    CountDownLatch current = hold;
    hold = null;
    if (current != null) {
      current.countDown();
    }
  }

  /** Configuration for an API that trusts this server, found through discovery. */
  PortcullisConfig.Builder config() {
    return PortcullisConfig.builder().issuer(issuer).audience(AUDIENCE);
  }

  int jwksHits() {
    return jwksHits.get();
  }

  static RSAKey signingKey() {
    return SIGNING_KEY;
  }

  /** Valid claims: this issuer, the API audience, an hour to live, the given scopes. */
  JWTClaimsSet.Builder claims(String scope) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder b = new JWTClaimsSet.Builder()
        .issuer(issuer)
        .audience(List.of(AUDIENCE))
        .subject("alice")
        .claim("client_id", "shop-frontend")
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(3600)));
    return scope == null ? b : b.claim("scope", scope);
  }

  String token(String scope) {
    return sign(claims(scope).build(), header().build(), SIGNING_KEY);
  }

  String token(Consumer<JWTClaimsSet.Builder> claims) {
    JWTClaimsSet.Builder b = claims("orders:read");
    claims.accept(b);
    return sign(b.build(), header().build(), SIGNING_KEY);
  }

  /** A token with scope orders:read under {@code header}, its claims changed by {@code claims}. */
  String token(JWSHeader header, Consumer<JWTClaimsSet.Builder> claims) {
    JWTClaimsSet.Builder b = claims("orders:read");
    claims.accept(b);
    return sign(b.build(), header, SIGNING_KEY);
  }

  String tokenWithHeader(JWSHeader header) {
    return sign(claims("orders:read").build(), header, SIGNING_KEY);
  }

  /** A token with scope orders:read, signed by {@code signer} under {@code header}. */
  String tokenSignedBy(JWSHeader header, JWSSigner signer) {
    return sign(claims("orders:read").build(), header, signer);
  }

  /** Valid claims changed by {@code claims}, signed by {@code key} and naming its kid. */
  String tokenSignedBy(RSAKey key, Consumer<JWTClaimsSet.Builder> claims) {
    JWTClaimsSet.Builder b = claims("orders:read");
    claims.accept(b);
    return sign(b.build(), header().keyID(key.getKeyID()).build(), key);
  }

  /** Valid claims, signed by {@code key} and naming its kid. */
  String tokenSignedBy(RSAKey key) {
    return sign(claims("orders:read").build(), header().keyID(key.getKeyID()).build(), key);
  }

  /** Signed by a key with the published kid but different key material. */
  String tokenSignedByOtherKey() {
    return sign(claims("orders:read").build(), header().build(), OTHER_KEY);
  }

  static JWSHeader.Builder header() {
    return new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").type(new JOSEObjectType("at+jwt"));
  }

  private static String sign(JWTClaimsSet claims, JWSHeader header, RSAKey key) {
    try {
      return sign(claims, header, new RSASSASigner(key));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sign(JWTClaimsSet claims, JWSHeader header, JWSSigner signer) {
    try {
      SignedJWT jwt = new SignedJWT(header, claims);
      jwt.sign(signer);
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    releaseJwks();
    server.stop(0);
  }
}
