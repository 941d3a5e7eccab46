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
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The proof keys {@link DpopProofs} remembers by header: a client's next proof is verified with
 * its own remembered key, and never with another's; only verified proofs are remembered.
 */
class ProofKeysTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final String HTU = "https://api.example.com/orders";
  private static final String TOKEN = "token-value";
  private static final String BAD_SIGNATURE = "The DPoP proof's signature does not verify with its jwk.";

  private final DpopProofs proofs = new DpopProofs(Set.of("ES256", "RS256"), Clock.fixed(NOW, ZoneOffset.UTC),
      Duration.ofSeconds(10));

  /** A fresh proof whose header carries {@code headerKey}, signed with {@code signingKey}. */
  private static String proof(JWK headerKey, JWK signingKey, String htm) throws Exception {
    JWSAlgorithm alg = signingKey instanceof RSAKey ? JWSAlgorithm.RS256 : JWSAlgorithm.ES256;
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).type(new JOSEObjectType("dpop+jwt"))
        .jwk(headerKey.toPublicJWK()).build(), new JWTClaimsSet.Builder().jwtID(UUID.randomUUID().toString())
        .claim("htm", htm).claim("htu", HTU).issueTime(Date.from(NOW)).claim("ath", DpopProofs.hash(TOKEN)).build());
    jwt.sign(signingKey instanceof RSAKey rsa ? new RSASSASigner(rsa) : new ECDSASigner((ECKey) signingKey));
    return jwt.serialize();
  }

  private String verify(String proof) throws InvalidDpopProofException {
    return proofs.verify(List.of(proof), "GET", HTU, TOKEN);
  }

  @Test
  void aClientsNextProofIsVerifiedWithItsRememberedKeyAndGivesItsThumbprint() throws Exception {
    ECKey key = new ECKeyGenerator(Curve.P_256).generate();
    String thumbprint = key.computeThumbprint().toString();
    assertEquals(thumbprint, verify(proof(key, key, "GET")));
    assertEquals(1, proofs.rememberedKeys());
    assertEquals(thumbprint, verify(proof(key, key, "GET")));
    assertEquals(thumbprint, verify(proof(key, key, "GET")));
    assertEquals(1, proofs.rememberedKeys());
  }

  @Test
  void aRememberedHeaderNeverVerifiesAProofSignedWithAnotherKey() throws Exception {
    ECKey client = new ECKeyGenerator(Curve.P_256).generate();
    ECKey attacker = new ECKeyGenerator(Curve.P_256).generate();
    verify(proof(client, client, "GET"));
    // The client's exact header, remembered, on a proof the attacker signed.
    InvalidDpopProofException e = assertThrows(InvalidDpopProofException.class,
        () -> verify(proof(client, attacker, "GET")));
    assertEquals(BAD_SIGNATURE, e.getMessage());
    // The attacker's own key gets the attacker's thumbprint, never the client's.
    assertEquals(attacker.computeThumbprint().toString(), verify(proof(attacker, attacker, "GET")));
    assertEquals(client.computeThumbprint().toString(), verify(proof(client, client, "GET")));
    assertEquals(2, proofs.rememberedKeys());
  }

  @Test
  void aRememberedHeaderStillNeedsASignatureOverTheClaimsAndEveryClaimCheck() throws Exception {
    ECKey key = new ECKeyGenerator(Curve.P_256).generate();
    verify(proof(key, key, "GET"));
    String[] parts = proof(key, key, "GET").split("\\.");
    String otherClaims = Base64URL.encode(new JWTClaimsSet.Builder().jwtID("forged").claim("htm", "GET")
        .claim("htu", HTU).issueTime(Date.from(NOW)).claim("ath", DpopProofs.hash(TOKEN)).build().toString())
        .toString();
    InvalidDpopProofException forged = assertThrows(InvalidDpopProofException.class,
        () -> verify(parts[0] + "." + otherClaims + "." + parts[2]));
    assertEquals(BAD_SIGNATURE, forged.getMessage());
    InvalidDpopProofException wrongMethod = assertThrows(InvalidDpopProofException.class,
        () -> verify(proof(key, key, "POST")));
    assertEquals("The DPoP proof's htm is not this request's method.", wrongMethod.getMessage());
    InvalidDpopProofException notAJwt = assertThrows(InvalidDpopProofException.class,
        () -> verify(parts[0] + ".!!!." + parts[2]));
    assertEquals("The DPoP proof is not a signed JWT with a public jwk in its header.", notAJwt.getMessage());
  }

  @Test
  void aProofThatFailsItsSignatureIsNotRemembered() throws Exception {
    ECKey client = new ECKeyGenerator(Curve.P_256).generate();
    ECKey other = new ECKeyGenerator(Curve.P_256).generate();
    assertThrows(InvalidDpopProofException.class, () -> verify(proof(client, other, "GET")));
    assertEquals(0, proofs.rememberedKeys());
    // And a header first seen with a bad signature still works for the real key afterwards.
    assertEquals(client.computeThumbprint().toString(), verify(proof(client, client, "GET")));
  }

  @Test
  void anRsaKeyIsRememberedLikeAnEcKey() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).generate();
    assertEquals(key.computeThumbprint().toString(), verify(proof(key, key, "GET")));
    assertEquals(key.computeThumbprint().toString(), verify(proof(key, key, "GET")));
    assertEquals(1, proofs.rememberedKeys());
  }
}
