package dev.portcullis;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.Set;

/**
 * An Ed25519 key made and used by the JDK, as an issuer would hold it: its public half as an
 * RFC 8037 OKP JWK for the JWKS, and a signer. Nimbus' own Ed25519 signer needs Google Tink.
 */
final class Ed25519Key implements JWSSigner {
  private final KeyPair pair;
  private final String keyId;

  Ed25519Key(String keyId) throws GeneralSecurityException {
    this.pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    this.keyId = keyId;
  }

  /** The public key as a JWK: the last 32 bytes of its X.509 encoding are the RFC 8032 key. */
  OctetKeyPair publicJwk() {
    byte[] encoded = pair.getPublic().getEncoded();
    byte[] x = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x)).keyID(keyId).keyUse(KeyUse.SIGNATURE)
        .build();
  }

  @Override
  public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
    try {
      Signature signature = Signature.getInstance("Ed25519");
      signature.initSign(pair.getPrivate());
      signature.update(signingInput);
      return Base64URL.encode(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new JOSEException(e.getMessage(), e);
    }
  }

  @Override
  public Set<JWSAlgorithm> supportedJWSAlgorithms() {
    return Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);
  }

  @Override
  public JCAContext getJCAContext() {
    return new JCAContext();
  }
}
