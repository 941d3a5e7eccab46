package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.portcullis.testapp.OrdersResource;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which keys an issuer's JWKS may vouch for a token with, over HTTP. */
class SigningKeysTest {

  private static TestApp app(KeyServer keys) {
    return TestApp.start(PortcullisConfig.builder().issuer(keys.issuer).audience(KeyServer.AUDIENCE).build(),
        OrdersResource.class);
  }

  private static void assertInvalidToken(Answer answer, String description) {
    assertEquals(401, answer.status(), answer::toString);
    assertTrue(answer.challenge().contains("error=\"invalid_token\", error_description=\"" + description + "\""),
        answer::toString);
  }

  @Test
  void aTokenSignedWithAnRsaKeyShorterThan2048BitsIsRefused() throws Exception {
    for (int bits : new int[] {1024, 1536}) {
      RSAKey weak = new RSAKeyGenerator(bits, true).keyID("weak").keyUse(KeyUse.SIGNATURE).generate();
      try (KeyServer keys = new KeyServer(weak.toPublicJWK()); TestApp app = app(keys)) {
        String token = keys.tokenSignedBy(KeyServer.header().keyID("weak").build(),
            new RSASSASigner(weak.toPrivateKey(), true));
        assertInvalidToken(app.bearer("/orders", token),
            "The token is signed with an RSA key shorter than 2048 bits, which is not accepted.");
        assertEquals(200, app.bearer("/orders", keys.token("orders:read")).status(), "the issuer's 2048-bit key");
      }
    }
  }

  private static JWSHeader header(JWSAlgorithm algorithm, String keyId) {
    return new JWSHeader.Builder(algorithm).keyID(keyId).type(new JOSEObjectType("at+jwt")).build();
  }

  @Test
  void anEd25519TokenIsAcceptedWhenTheIssuerPublishesItsOkpKey() throws Exception {
    Ed25519Key ed = new Ed25519Key("ed");
    try (KeyServer keys = new KeyServer(ed.publicJwk()); TestApp app = app(keys)) {
      assertEquals(200, app.bearer("/orders", keys.tokenSignedBy(header(JWSAlgorithm.EdDSA, "ed"), ed)).status(),
          "alg EdDSA (RFC 8037)");
      assertEquals(200, app.bearer("/orders", keys.tokenSignedBy(header(JWSAlgorithm.Ed25519, "ed"), ed)).status(),
          "the fully specified alg Ed25519");
      assertEquals(200, app.bearer("/orders", keys.token("orders:read")).status(), "RSA beside it");
    }
  }

  @Test
  void anEd25519TokenIsCheckedLikeAnyOther() throws Exception {
    Ed25519Key ed = new Ed25519Key("ed");
    Ed25519Key other = new Ed25519Key("ed");
    try (KeyServer keys = new KeyServer(ed.publicJwk()); TestApp app = app(keys)) {
      String[] parts = keys.tokenSignedBy(header(JWSAlgorithm.EdDSA, "ed"), ed).split("\\.");
      String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
          keys.claims("orders:read orders:admin").build().toString().getBytes(StandardCharsets.UTF_8));
      assertInvalidToken(app.bearer("/orders", parts[0] + "." + forged + "." + parts[2]),
          "The token signature is invalid.");
      assertInvalidToken(app.bearer("/orders", keys.tokenSignedBy(header(JWSAlgorithm.EdDSA, "ed"), other)),
          "The token signature is invalid.");
      assertInvalidToken(app.bearer("/orders", keys.tokenSignedBy(header(JWSAlgorithm.EdDSA, "k1"), ed)),
          "The token is not signed with an accepted algorithm and a known key.");
    }
  }

  @Test
  void eddsaFollowsTheAlgorithmAllowList() throws Exception {
    Ed25519Key ed = new Ed25519Key("ed");
    try (KeyServer keys = new KeyServer(ed.publicJwk());
        TestApp app = TestApp.start(PortcullisConfig.builder().issuer(keys.issuer).audience(KeyServer.AUDIENCE)
            .algorithms(Set.of("RS256", "Ed25519")).build(), OrdersResource.class)) {
      assertInvalidToken(app.bearer("/orders", keys.tokenSignedBy(header(JWSAlgorithm.EdDSA, "ed"), ed)),
          "The token is not signed with an accepted algorithm and a known key.");
      assertEquals(200, app.bearer("/orders", keys.tokenSignedBy(header(JWSAlgorithm.Ed25519, "ed"), ed)).status());
    }
  }
}
