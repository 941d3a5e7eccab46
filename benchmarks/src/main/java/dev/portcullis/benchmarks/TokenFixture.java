package dev.portcullis.benchmarks;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * One issuer's signing key and tokens shaped like a Keycloak access token (about 1.25 KB
 * for RS256): {@code typ: JWT} and a thumbprint {@code kid}; {@code iss}, {@code aud},
 * {@code exp}, {@code iat}, {@code jti}, {@code sub}, {@code azp}, several scopes, realm
 * roles, profile claims. Every token gets a fresh {@code jti}, so tokens are distinct.
 */
public final class TokenFixture {
  public static final String ISSUER = "https://idp.example.com/realms/shop";
  public static final String AUDIENCE = "orders-api";

  private final JWSAlgorithm algorithm;
  private final JWK privateKey;
  private final JWSSigner signer;
  private final String issuer;

  private TokenFixture(JWSAlgorithm algorithm, JWK privateKey, JWSSigner signer, String issuer) {
    this.algorithm = algorithm;
    this.privateKey = privateKey;
    this.signer = signer;
    this.issuer = issuer;
  }

  /** A fresh key for {@code RS256} (RSA-2048) or {@code ES256} (P-256), issuing as {@link #ISSUER}. */
  public static TokenFixture create(String algorithm) {
    return create(algorithm, ISSUER);
  }

  /** A fresh key for {@code RS256} (RSA-2048) or {@code ES256} (P-256), issuing as {@code issuer}. */
  public static TokenFixture create(String algorithm, String issuer) {
    try {
      if (algorithm.equals("RS256")) {
        var rsa = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).generate();
        return new TokenFixture(JWSAlgorithm.RS256, rsa, new RSASSASigner(rsa), issuer);
      }
      if (algorithm.equals("ES256")) {
        var ec = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).generate();
        return new TokenFixture(JWSAlgorithm.ES256, ec, new ECDSASigner(ec), issuer);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    throw new IllegalArgumentException("Unknown algorithm " + algorithm + "; use RS256 or ES256.");
  }

  public JWSAlgorithm algorithm() {
    return algorithm;
  }

  public JWK publicKey() {
    return privateKey.toPublicJWK();
  }

  /** The public key set as an issuer publishes it. */
  public JWKSet publicKeySet() {
    return new JWKSet(publicKey());
  }

  /** A valid token that lives {@code lifetimeSeconds} from now. */
  public String token(long lifetimeSeconds) {
    return token(lifetimeSeconds, UnaryOperator.identity());
  }

  /**
   * A token that lives {@code lifetimeSeconds} from now (a negative lifetime gives an expired
   * one), with the usual claims then {@code change} applied to them: for example another
   * {@code aud} or {@code scope}.
   */
  public String token(long lifetimeSeconds, UnaryOperator<JWTClaimsSet.Builder> change) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
        .expirationTime(Date.from(now.plusSeconds(lifetimeSeconds)))
        .issueTime(Date.from(now))
        .jwtID(UUID.randomUUID().toString())
        .issuer(issuer)
        .audience(List.of(AUDIENCE, "account"))
        .subject("f3b8c1d2-7a4e-4c59-9b1e-2d6f8a0c4e71")
        .claim("typ", "Bearer")
        .claim("azp", "shop-frontend")
        .claim("allowed-origins", List.of("https://shop.example.com"))
        .claim("realm_access", Map.of("roles", List.of("default-roles-shop", "offline_access", "uma_authorization",
            "customer", "orders-viewer")))
        .claim("scope", "openid profile email orders:read orders:write invoices:read")
        .claim("email_verified", true)
        .claim("name", "Alice Example")
        .claim("preferred_username", "alice")
        .claim("given_name", "Alice")
        .claim("family_name", "Example")
        .claim("email", "alice@example.com");
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT)
          .keyID(privateKey.getKeyID()).build(), change.apply(claims).build());
      jwt.sign(signer);
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code token} with one claim changed and the original signature kept: must be rejected. */
  public static String tampered(String token) {
    String[] parts = token.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
        .replace("\"preferred_username\":\"alice\"", "\"preferred_username\":\"admin\"");
    if (!payload.contains("\"admin\"")) {
      throw new IllegalStateException("The token does not have the expected claims.");
    }
    return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
        payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
  }

  /** The bytes a JWS signature covers: the first two segments, as sent. */
  public static byte[] signingInput(String token) {
    return token.substring(0, token.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
  }

  /** The raw signature: PKCS#1 v1.5 for RSA, R||S (JWS form) for ECDSA. */
  public static byte[] signature(String token) {
    return Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1));
  }
}
