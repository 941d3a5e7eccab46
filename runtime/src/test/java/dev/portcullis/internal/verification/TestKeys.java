package dev.portcullis.internal.verification;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.PortcullisConfig;
import dev.portcullis.testing.MutableClock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An issuer held in memory: two signing keys, a key set the test can swap, a clock the
 * test moves, and tokens minted against that clock.
 */
final class TestKeys implements JWKSetSource<SecurityContext> {
  static final String ISSUER = "https://idp.example.com/realms/shop";
  static final String AUDIENCE = "orders-api";
  static final RSAKey K1 = generate("k1");
  static final RSAKey K2 = generate("k2");

  final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T12:00:00Z"));
  final AtomicInteger fetches = new AtomicInteger();
  private volatile JWKSet published = new JWKSet(K1.toPublicJWK());

  private static RSAKey generate(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refresh, long currentTime, SecurityContext context) {
    fetches.incrementAndGet();
    return published;
  }

  @Override
  public void close() {}

  void publish(RSAKey... keys) {
    published = new JWKSet(List.of(keys).stream().map(RSAKey::toPublicJWK).map(k -> (com.nimbusds.jose.jwk.JWK) k)
        .toList());
  }

  static PortcullisConfig.Builder config() {
    return PortcullisConfig.builder().issuer(ISSUER).audience(AUDIENCE);
  }

  /** A verifier over these keys whose cache evicts on the calling thread (deterministic). */
  TokenVerifier verifier(PortcullisConfig config) {
    return new TokenVerifier(config, this, clock, Runnable::run);
  }

  /** A valid token for {@link #ISSUER} and {@link #AUDIENCE}, living 10 minutes, signed by k1. */
  String token() {
    return token(K1, c -> { });
  }

  String token(RSAKey key, Consumer<JWTClaimsSet.Builder> change) {
    Instant now = clock.instant();
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
        .issuer(ISSUER).audience(AUDIENCE).subject("alice").jwtID(UUID.randomUUID().toString())
        .claim("scope", "orders:read").issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)));
    change.accept(claims);
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
          .type(JOSEObjectType.JWT).build(), claims.build());
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
