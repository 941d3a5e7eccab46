package dev.portcullis.internal.verification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.portcullis.PortcullisConfig;
import dev.portcullis.internal.keys.IssuerKeys;
import dev.portcullis.internal.keys.KeySetVersion;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The full check on Nimbus' processor: signature before claims, every token checked in full,
 * each rejection with its own sentence.
 */
class TokenChecksTest {
  private final TestKeys keys = new TestKeys();
  private final TokenChecks checks = checks(TestKeys.config().build());

  private TokenChecks checks(PortcullisConfig config) {
    return new TokenChecks(config, IssuerKeys.cached(keys, new KeySetVersion(), keys.clock), keys.clock);
  }

  private static String rejection(TokenChecks checks, String token) {
    return assertThrows(TokenRejectedException.class, () -> checks.verify(token)).getMessage();
  }

  /** A token signed by k1 over exactly {@code header} and {@code payload} (JSON texts). */
  private static String signed(String header, String payload) throws Exception {
    return signed(header, payload, TestKeys.K1);
  }

  private static String signed(String header, String payload, RSAKey key) throws Exception {
    return signed(JWSHeader.parse(header), payload, new RSASSASigner(key));
  }

  private static String signed(JWSHeader header, String payload, JWSSigner signer) throws Exception {
    JWSObject jws = new JWSObject(header, new Payload(payload));
    jws.sign(signer);
    return jws.serialize();
  }

  /** Valid claims for the test issuer and audience, expiring {@code seconds} from now. */
  private String claims(long seconds) {
    return "{\"iss\":\"" + TestKeys.ISSUER + "\",\"aud\":\"" + TestKeys.AUDIENCE + "\",\"exp\":"
        + (keys.clock.millis() / 1000 + seconds) + "}";
  }

  private static String encode(String text) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void tokensWithTheSameHeaderAreEachVerifiedInFull() throws Exception {
    String header = "{\"alg\":\"RS256\",\"kid\":\"k1\"}";
    assertEquals(TestKeys.ISSUER, checks.verify(signed(header, claims(600), TestKeys.K1)).token().issuer());
    assertEquals("The token signature is invalid.", rejection(checks, signed(header, claims(600), TestKeys.K2)),
        "the same header over another key's signature");
    assertEquals("The token has expired.", rejection(checks, signed(header, claims(-600), TestKeys.K1)));
  }

  @Test
  void forgedTokensAreRejectedWhateverTheirHeader() {
    String[] parts = keys.token().split("\\.");
    for (int i = 0; i < 100; i++) {
      String header = encode("{\"alg\":\"RS256\",\"kid\":\"k1\",\"typ\":\"JWT\",\"x\":" + i + "}");
      assertEquals("The token signature is invalid.", rejection(checks, header + "." + parts[1] + "." + parts[2]));
    }
  }

  @Test
  void theSignatureIsCheckedBeforeThePayloadIsRead() throws Exception {
    String[] parts = keys.token().split("\\.");
    String notJson = encode("this is not JSON");
    assertEquals("The token signature is invalid.", rejection(checks, parts[0] + "." + notJson + "." + parts[2]));
    String malformedIssuer = encode("{\"iss\":[1],\"aud\":\"" + TestKeys.AUDIENCE + "\"}");
    assertEquals("The token signature is invalid.", rejection(checks, parts[0] + "." + malformedIssuer + "." + parts[2]),
        "a forged token's claims are not judged");
    String header = "{\"alg\":\"RS256\",\"kid\":\"k1\"}";
    assertEquals("The token's payload is not a JSON object of claims.",
        rejection(checks, signed(header, "this is not JSON")));
    assertEquals("The token's payload is not a JSON object of claims.", rejection(checks, signed(header, "[1,2]")));
  }

  @Test
  void aJwsWithAnUnencodedPayloadIsNotAJwt() throws Exception {
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").type(JOSEObjectType.JWT)
        .base64URLEncodePayload(false).criticalParams(Set.of("b64")).build();
    JWSObject jws = new JWSObject(header, new Payload("{}"));
    jws.sign(new RSASSASigner(TestKeys.K1));
    assertEquals("The token is not a well-formed JWT.", rejection(checks, jws.serialize()));
  }

  @Test
  void everyOneCharacterChangeIsRejectedWithAReasonOrDecodesToTheSameToken() throws Exception {
    String token = keys.token();
    String[] original = token.split("\\.");
    Base64.Decoder base64 = Base64.getUrlDecoder();
    int accepted = 0;
    for (int i = 0; i < token.length(); i++) {
      for (char replacement : new char[] {'A', 'x', '-', '.', '=', '\u00e9', '\u0000'}) {
        if (token.charAt(i) == replacement) {
          continue;
        }
        String changed = token.substring(0, i) + replacement + token.substring(i + 1);
        try {
          checks.verify(changed);
        } catch (TokenRejectedException rejected) {
          continue; // every other exception fails the test
        }
        // Accepted: only a change to the unused low bits of a part's last character may be.
        String[] parts = changed.split("\\.");
        for (int part = 0; part < 3; part++) {
          assertArrayEquals(base64.decode(original[part]), base64.decode(parts[part]), changed);
        }
        accepted++;
      }
    }
    assertTrue(accepted <= 3 * 7, "accepted " + accepted + " changed tokens");
  }

  @Test
  void ecAndRsaPssSignaturesAreCheckedLikeRsaOnes() throws Exception {
    ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("e1").generate();
    JWKSet published = new JWKSet(List.of(ec.toPublicJWK(), TestKeys.K1.toPublicJWK()));
    JWKSetSource<SecurityContext> source = new JWKSetSource<>() {
      @Override
      public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refresh, long currentTime, SecurityContext context) {
        return published;
      }

      @Override
      public void close() {}
    };
    TokenChecks both = new TokenChecks(TestKeys.config().build(),
        IssuerKeys.cached(source, new KeySetVersion(), keys.clock), keys.clock);
    JWSHeader es256 = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("e1").build();
    String ecToken = signed(es256, claims(600), new ECDSASigner(ec));
    assertEquals(TestKeys.ISSUER, both.verify(ecToken).token().issuer());
    String[] parts = ecToken.split("\\.");
    assertEquals("The token signature is invalid.",
        rejection(both, parts[0] + "." + encode(claims(6000)) + "." + parts[2]));
    assertEquals(TestKeys.ISSUER, both.verify(signed(new JWSHeader.Builder(JWSAlgorithm.PS256).keyID("k1").build(),
        claims(600), new RSASSASigner(TestKeys.K1))).token().issuer());
    assertEquals("The token is not signed with an accepted algorithm and a known key.",
        rejection(both, signed(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k1").build(), claims(600),
            new ECDSASigner(ec))), "an EC signature under the RSA key's kid");
  }
}
