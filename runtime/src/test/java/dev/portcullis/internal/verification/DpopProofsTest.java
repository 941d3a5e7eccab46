package dev.portcullis.internal.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The pure parts of DPoP proof checking: {@code htu} normalisation, the window, the replay memory, key types. */
class DpopProofsTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final String HTU = "https://api.example.com/orders";
  private static final String TOKEN = "token-value";

  private final DpopProofs proofs = new DpopProofs(Set.of("ES256", "RS256"), Clock.fixed(NOW, ZoneOffset.UTC),
      Duration.ofSeconds(10));

  @Test
  void htuIsNormalisedWithoutQueryFragmentDefaultPortOrCase() {
    assertEquals("https://api.example.com/orders", DpopProofs.htu(URI.create("HTTPS://API.Example.COM:443/orders?a=1#f")));
    assertEquals("http://api.example.com/", DpopProofs.htu(URI.create("http://api.example.com:80")));
    assertEquals("http://api.example.com:8080/a/c", DpopProofs.htu(URI.create("http://api.example.com:8080/a/b/../c")));
    assertEquals("https://h/a%2Fb", DpopProofs.htu(URI.create("https://h/a%2fb")));
    // The path keeps its case: only scheme and host are case-insensitive.
    assertEquals("https://h/Orders", DpopProofs.htu(URI.create("https://h/Orders")));
    assertThrows(IllegalArgumentException.class, () -> DpopProofs.htu(URI.create("/relative")));
    assertThrows(IllegalArgumentException.class, () -> DpopProofs.htu(URI.create("ftp://h/x")));
  }

  private static String proof(ECKey key, Consumer<JWTClaimsSet.Builder> claims) throws Exception {
    JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().jwtID("id-1").claim("htm", "GET").claim("htu", HTU)
        .issueTime(Date.from(NOW)).claim("ath", DpopProofs.hash(TOKEN));
    claims.accept(b);
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("dpop+jwt"))
        .jwk(key.toPublicJWK()).build(), b.build());
    jwt.sign(new ECDSASigner(key));
    return jwt.serialize();
  }

  @Test
  void aValidProofGivesTheKeyThumbprintOnceAndIsThenAReplay() throws Exception {
    ECKey key = new ECKeyGenerator(Curve.P_256).generate();
    String proof = proof(key, b -> {});
    assertEquals(key.computeThumbprint().toString(), proofs.verify(List.of(proof), "GET", HTU, TOKEN));
    InvalidDpopProofException replay = assertThrows(InvalidDpopProofException.class,
        () -> proofs.verify(List.of(proof), "GET", HTU, TOKEN));
    assertEquals("The DPoP proof was used before; make a new proof for each request.", replay.getMessage());
    // The same jti from another key is another proof.
    proofs.verify(List.of(proof(new ECKeyGenerator(Curve.P_256).generate(), b -> {})), "GET", HTU, TOKEN);
  }

  @Test
  void iatIsAcceptedWithinTheWindowOnly() throws Exception {
    ECKey key = new ECKeyGenerator(Curve.P_256).generate();
    proofs.verify(List.of(proof(key, b -> b.jwtID("old").issueTime(Date.from(NOW.minusSeconds(70))))), "GET", HTU,
        TOKEN);
    proofs.verify(List.of(proof(key, b -> b.jwtID("ahead").issueTime(Date.from(NOW.plusSeconds(10))))), "GET", HTU,
        TOKEN);
    assertThrows(InvalidDpopProofException.class, () -> proofs.verify(List.of(proof(key,
        b -> b.jwtID("too-old").issueTime(Date.from(NOW.minusSeconds(71))))), "GET", HTU, TOKEN));
    assertThrows(InvalidDpopProofException.class, () -> proofs.verify(List.of(proof(key,
        b -> b.jwtID("too-far").issueTime(Date.from(NOW.plusSeconds(11))))), "GET", HTU, TOKEN));
  }

  @Test
  void aProofWithAnRsaKeyShorterThan2048BitsIsRefused() throws Exception {
    RSAKey weak = new RSAKeyGenerator(1024, true).generate();
    JWTClaimsSet claims = new JWTClaimsSet.Builder().jwtID("w").claim("htm", "GET").claim("htu", HTU)
        .issueTime(Date.from(NOW)).claim("ath", DpopProofs.hash(TOKEN)).build();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType("dpop+jwt"))
        .jwk(weak.toPublicJWK()).build(), claims);
    jwt.sign(new RSASSASigner(weak.toPrivateKey(), true));
    InvalidDpopProofException e = assertThrows(InvalidDpopProofException.class,
        () -> proofs.verify(List.of(jwt.serialize()), "GET", HTU, TOKEN));
    assertEquals("The DPoP proof's signature does not verify with its jwk.", e.getMessage());
  }

  @Test
  void aJtiLongerThan256CharactersIsRefused() throws Exception {
    ECKey key = new ECKeyGenerator(Curve.P_256).generate();
    assertThrows(InvalidDpopProofException.class,
        () -> proofs.verify(List.of(proof(key, b -> b.jwtID("x".repeat(257)))), "GET", HTU, TOKEN));
  }
}
