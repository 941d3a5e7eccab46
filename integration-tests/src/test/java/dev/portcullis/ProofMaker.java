package dev.portcullis;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A DPoP client for tests: one P-256 key, tokens bound to it, and a fresh proof per request. */
final class ProofMaker {
  private final ECKey key;

  ProofMaker() {
    try {
      key = new ECKeyGenerator(Curve.P_256).generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A token of {@code keys} bound to this key ({@code cnf.jkt}), granting {@code scope}. */
  String boundToken(KeyServer keys, String scope) {
    try {
      String thumbprint = key.computeThumbprint().toString();
      return keys.token(b -> b.claim("cnf", Map.of("jkt", thumbprint)).claim("scope", scope));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A proof for {@code method} on {@code htu} and {@code token}, with {@code nonce} unless {@code null}. */
  String proof(String method, String htu, String token, String nonce) {
    try {
      String ath = Base64URL.encode(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.US_ASCII))).toString();
      JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().jwtID(UUID.randomUUID().toString())
          .claim("htm", method).claim("htu", htu).issueTime(new Date()).claim("ath", ath);
      if (nonce != null) {
        claims.claim("nonce", nonce);
      }
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("dpop+jwt"))
          .jwk(key.toPublicJWK()).build(), claims.build());
      jwt.sign(new ECDSASigner(key));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code GET path} on {@code app} with {@code token} as DPoP and a fresh proof. */
  Answer get(TestApp app, String path, String token) {
    return get(app, app.base().toString(), path, token);
  }

  /** {@code GET path} on {@code app}, which clients address as {@code publicBase}, with a fresh proof. */
  Answer get(TestApp app, String publicBase, String path, String token) {
    return app.get(path, "Authorization", "DPoP " + token, "DPoP", proof("GET", publicBase + path, token, null));
  }

  /** The {@code WWW-Authenticate} values of {@code answer}, in order. */
  static List<String> challenges(Answer answer) {
    List<String> challenges = new ArrayList<>();
    answer.headers().forEach((name, values) -> {
      if (name.equalsIgnoreCase("WWW-Authenticate")) {
        challenges.addAll(values);
      }
    });
    return challenges;
  }
}
