package dev.portcullis.internal.verification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.EdECPublicKey;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The JDK-backed Ed25519 verifier: the JWK conversion and Nimbus' header rules. */
class JdkEdDsaVerifierTest {
  private static final byte[] INPUT = "eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ4In0".getBytes(StandardCharsets.US_ASCII);

  private final KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
  private final byte[] x = Arrays.copyOfRange(pair.getPublic().getEncoded(), 12, 44);
  private final JdkEdDsaVerifier verifier = new JdkEdDsaVerifier((EdECPublicKey) JdkEdDsaVerifier.publicKey(
      new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x)).build()).orElseThrow());

  JdkEdDsaVerifierTest() throws Exception {}

  private Base64URL sign(byte[] input) throws Exception {
    Signature signature = Signature.getInstance("Ed25519");
    signature.initSign(pair.getPrivate());
    signature.update(input);
    return Base64URL.encode(signature.sign());
  }

  @Test
  void theJwkBecomesTheSameJdkKey() {
    OctetKeyPair jwk = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x)).build();
    assertArrayEquals(pair.getPublic().getEncoded(), JdkEdDsaVerifier.publicKey(jwk).orElseThrow().getEncoded());
  }

  @Test
  void onlyEd25519KeysOfTheRightLengthAreConverted() {
    assertTrue(JdkEdDsaVerifier.publicKey(new OctetKeyPair.Builder(Curve.X25519, Base64URL.encode(x)).build())
        .isEmpty(), "an X25519 key is for key agreement");
    assertTrue(JdkEdDsaVerifier.publicKey(new OctetKeyPair.Builder(Curve.Ed448, Base64URL.encode(new byte[57]))
        .build()).isEmpty(), "Ed448 is not supported");
    assertTrue(JdkEdDsaVerifier.publicKey(new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(new byte[31]))
        .build()).isEmpty(), "a short x");
  }

  @Test
  void aGoodSignatureVerifiesUnderBothAlgorithmNamesAndNothingElseDoes() throws Exception {
    Base64URL signature = sign(INPUT);
    assertTrue(verifier.verify(new JWSHeader(JWSAlgorithm.EdDSA), INPUT, signature));
    assertTrue(verifier.verify(new JWSHeader(JWSAlgorithm.Ed25519), INPUT, signature));
    byte[] changed = INPUT.clone();
    changed[0] ^= 1;
    assertFalse(verifier.verify(new JWSHeader(JWSAlgorithm.EdDSA), changed, signature));
    byte[] bytes = signature.decode();
    assertFalse(verifier.verify(new JWSHeader(JWSAlgorithm.EdDSA), INPUT,
        Base64URL.encode(Arrays.copyOf(bytes, 63))), "a short signature");
    assertThrows(JOSEException.class, () -> verifier.verify(new JWSHeader(JWSAlgorithm.RS256), INPUT, signature));
  }

  @Test
  void aCriticalHeaderItDoesNotUnderstandFailsTheSignature() throws Exception {
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.EdDSA).criticalParams(Set.of("exp"))
        .customParam("exp", 1).build();
    assertFalse(verifier.verify(header, INPUT, sign(INPUT)));
  }
}
