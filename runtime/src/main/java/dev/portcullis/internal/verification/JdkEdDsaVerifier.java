package dev.portcullis.internal.verification;

import com.nimbusds.jose.CriticalHeaderParamsAware;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.impl.AlgorithmSupportMessage;
import com.nimbusds.jose.crypto.impl.CriticalHeaderParamsDeferral;
import com.nimbusds.jose.crypto.impl.EdDSAProvider;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies Ed25519 signatures ({@code alg} {@code EdDSA}, RFC 8037, or the fully specified
 * {@code Ed25519}) with the JDK's own EdDSA, which every JDK has had since 15. Nimbus' {@code
 * Ed25519Verifier} does the same with Google Tink, an optional dependency of nimbus-jose-jwt
 * that Portcullis does not add. The header rules are Nimbus': its {@link EdDSAProvider}
 * algorithms and its {@code crit} policy. Immutable and thread-safe.
 */
final class JdkEdDsaVerifier extends EdDSAProvider implements JWSVerifier, CriticalHeaderParamsAware {
  /** The DER of an X.509 SubjectPublicKeyInfo for Ed25519 (OID 1.3.101.112), before the key. */
  private static final byte[] ED25519_SPKI_PREFIX = {
      0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
  private static final int KEY_BYTES = 32;
  private static final int SIGNATURE_BYTES = 64;

  private final CriticalHeaderParamsDeferral critPolicy = new CriticalHeaderParamsDeferral();
  private final EdECPublicKey publicKey;

  JdkEdDsaVerifier(EdECPublicKey publicKey) {
    this.publicKey = publicKey;
  }

  /**
   * The JDK public key of an Ed25519 JWK (RFC 8037 section 2: {@code x} is the RFC 8032
   * encoding), or empty for another curve or a malformed {@code x}. Only the public half is
   * read, also of a JWK published with its private part by mistake.
   */
  static Optional<PublicKey> publicKey(OctetKeyPair jwk) {
    byte[] x = jwk.getDecodedX();
    if (!Curve.Ed25519.equals(jwk.getCurve()) || x.length != KEY_BYTES) {
      return Optional.empty();
    }
    byte[] der = new byte[ED25519_SPKI_PREFIX.length + KEY_BYTES];
    System.arraycopy(ED25519_SPKI_PREFIX, 0, der, 0, ED25519_SPKI_PREFIX.length);
    System.arraycopy(x, 0, der, ED25519_SPKI_PREFIX.length, KEY_BYTES);
    try {
      return Optional.of(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der)));
    } catch (GeneralSecurityException e) {
      return Optional.empty();
    }
  }

  @Override
  public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
    if (!supportedJWSAlgorithms().contains(header.getAlgorithm())) {
      throw new JOSEException(AlgorithmSupportMessage.unsupportedJWSAlgorithm(header.getAlgorithm(),
          supportedJWSAlgorithms()));
    }
    if (!critPolicy.headerPasses(header)) {
      return false;
    }
    byte[] signatureBytes = signature.decode();
    if (signatureBytes.length != SIGNATURE_BYTES) {
      return false;
    }
    try {
      Provider provider = getJCAContext().getProvider();
      Signature ed25519 = provider == null ? Signature.getInstance("Ed25519")
          : Signature.getInstance("Ed25519", provider);
      ed25519.initVerify(publicKey);
      ed25519.update(signingInput);
      return ed25519.verify(signatureBytes);
    } catch (SignatureException e) {
      return false;
    } catch (GeneralSecurityException e) {
      throw new JOSEException("The JDK could not verify an Ed25519 signature: " + e.getMessage(), e);
    }
  }

  @Override
  public Set<String> getProcessedCriticalHeaderParams() {
    return critPolicy.getProcessedCriticalHeaderParams();
  }

  @Override
  public Set<String> getDeferredCriticalHeaderParams() {
    return critPolicy.getDeferredCriticalHeaderParams();
  }
}
