package dev.portcullis.test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.UUID;

/**
 * The test issuer's key pair, and a second pair of the same type and key id that it never
 * publishes: a token signed with the second one looks right in every field and fails only the
 * signature check. Keys live in memory and are new for every issuer.
 */
final class IssuerKeys {
  private final JWSAlgorithm algorithm;
  private final JWK published;
  private final JWSSigner signer;
  private final JWSSigner forger;

  private IssuerKeys(JWSAlgorithm algorithm, JWK published, JWSSigner signer, JWSSigner forger) {
    this.algorithm = algorithm;
    this.published = published;
    this.signer = signer;
    this.forger = forger;
  }

  static IssuerKeys generate(TestIssuer.Algorithm algorithm) {
    String keyId = UUID.randomUUID().toString();
    try {
      switch (algorithm) {
        case ES256: {
          ECKey key = new ECKeyGenerator(Curve.P_256).keyID(keyId).keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.ES256).generate();
          ECKey other = new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
          return new IssuerKeys(JWSAlgorithm.ES256, key, new ECDSASigner(key), new ECDSASigner(other));
        }
        default: {
          RSAKey key = new RSAKeyGenerator(2048).keyID(keyId).keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.RS256).generate();
          RSAKey other = new RSAKeyGenerator(2048).keyID(keyId).generate();
          return new IssuerKeys(JWSAlgorithm.RS256, key, new RSASSASigner(key), new RSASSASigner(other));
        }
      }
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot generate a " + algorithm + " key pair: " + e.getMessage(), e);
    }
  }

  /** The JWS algorithm tokens are signed with. */
  String algorithm() {
    return algorithm.getName();
  }

  /** The public JWK Set document: the public half of the published key, nothing else. */
  String jwks() {
    return new JWKSet(published.toPublicJWK()).toString();
  }

  /**
   * A compact JWS of {@code claims}, with {@code typ} in the header unless {@code null}, signed
   * with the published key, or with the unpublished one if {@code forged}.
   */
  String sign(JWTClaimsSet claims, String type, boolean forged) {
    JWSHeader.Builder header = new JWSHeader.Builder(algorithm).keyID(published.getKeyID());
    if (type != null) {
      header.type(new JOSEObjectType(type));
    }
    SignedJWT jwt = new SignedJWT(header.build(), claims);
    try {
      jwt.sign(forged ? forger : signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign a test token: " + e.getMessage(), e);
    }
    return jwt.serialize();
  }
}
