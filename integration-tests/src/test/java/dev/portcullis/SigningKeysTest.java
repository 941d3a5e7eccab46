package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.portcullis.testapp.OrdersResource;
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
}
