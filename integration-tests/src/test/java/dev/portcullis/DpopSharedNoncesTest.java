package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testapp.MeResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Server nonces across instances behind a load balancer: two applications configured with the
 * same {@code dpop-nonce-secret} accept each other's nonces over HTTP, and one with another
 * secret, or with none, refuses them with {@code use_dpop_nonce}.
 */
class DpopSharedNoncesTest {
  @RegisterExtension
  static final KeyServer keys = KeyServer.started();

  private static final String SECRET = "kP3vQ9sX1mZ7rT5wY2aB8cD4eF6gH0jL";
  private static final ProofMaker client = new ProofMaker();

  private static TestApp first;
  private static TestApp second;
  private static TestApp otherSecret;
  private static TestApp noSecret;

  @BeforeAll
  static void start() {
    first = TestApp.start(config().dpopNonceSecret(SECRET).build(), MeResource.class);
    second = TestApp.start(config().dpopNonceSecret(SECRET).build(), MeResource.class);
    otherSecret = TestApp.start(config().dpopNonceSecret(SECRET.replace('k', 'K')).build(), MeResource.class);
    noSecret = TestApp.start(config().build(), MeResource.class);
  }

  private static PortcullisConfig.Builder config() {
    return keys.config().dpop(PortcullisConfig.DpopPolicy.REQUIRED).dpopNonceRequired(true).resourceMetadata(false);
  }

  @AfterAll
  static void stop() {
    first.close();
    second.close();
    otherSecret.close();
    noSecret.close();
  }

  /** The nonce {@code app} hands out to a proof without one. */
  private static String nonceOf(TestApp app, String token) {
    Answer answer = client.get(app, "/me", token);
    assertEquals(401, answer.status(), answer::toString);
    assertTrue(answer.challenge().contains("error=\"use_dpop_nonce\""), answer::toString);
    String nonce = answer.header("DPoP-Nonce");
    assertNotNull(nonce, answer::toString);
    return nonce;
  }

  private static Answer withNonce(TestApp app, String token, String nonce) {
    return app.get("/me", "Authorization", "DPoP " + token, "DPoP",
        client.proof("GET", app.base() + "/me", token, nonce));
  }

  @Test
  void instancesWithTheSameSecretAcceptEachOthersNonces() {
    String token = client.boundToken(keys, "orders:read");
    Answer atSecond = withNonce(second, token, nonceOf(first, token));
    assertEquals(200, atSecond.status(), atSecond::toString);
    Answer backAtFirst = withNonce(first, token, atSecond.header("DPoP-Nonce"));
    assertEquals(200, backAtFirst.status(), backAtFirst::toString);
  }

  @Test
  void anInstanceWithAnotherSecretOrNoneRefusesTheNonces() {
    String token = client.boundToken(keys, "orders:read");
    String nonce = nonceOf(first, token);
    for (TestApp app : new TestApp[] {otherSecret, noSecret}) {
      Answer answer = withNonce(app, token, nonce);
      assertEquals(401, answer.status(), answer::toString);
      assertTrue(answer.challenge().contains("error=\"use_dpop_nonce\""), answer::toString);
    }
    assertEquals(401, withNonce(first, token, nonceOf(noSecret, token)).status());
  }
}
