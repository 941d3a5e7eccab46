package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testapp.CorsFilter;
import dev.portcullis.testapp.MeResource;
import dev.portcullis.testapp.PaymentsResource;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DPoP from a browser (CORS): Portcullis never answers a preflight with a token challenge, with
 * or without a CORS filter, and the CORS filter of docs/dpop.md lets the browser send {@code DPoP}
 * and read {@code WWW-Authenticate} and {@code DPoP-Nonce}, also on a 401.
 */
class DpopCorsTest {
  @RegisterExtension
  static final KeyServer keys = KeyServer.started();

  private static final String RESOURCE = "https://api.example.com";
  private static final String[] PREFLIGHT = {"Origin", CorsFilter.ORIGIN, "Access-Control-Request-Method", "GET",
      "Access-Control-Request-Headers", "authorization,dpop"};

  private static TestApp withCors;
  private static TestApp withoutCors;

  @BeforeAll
  static void start() {
    PortcullisConfig config = keys.config().dpop(PortcullisConfig.DpopPolicy.REQUIRED).dpopNonceRequired(true)
        .resource(URI.create(RESOURCE)).build();
    withCors = TestApp.start(config, MeResource.class, PaymentsResource.class, CorsFilter.class);
    withoutCors = TestApp.start(config, MeResource.class, PaymentsResource.class);
  }

  @AfterAll
  static void stop() {
    withCors.close();
    withoutCors.close();
  }

  @Test
  void aPreflightToAnEndpointThatRequiresDpopIsAllowedToSendTheProof() {
    for (String path : new String[] {"/me", "/payments"}) {
      Answer answer = withCors.send("OPTIONS", path, "", PREFLIGHT);
      assertEquals(204, answer.status(), answer::toString);
      assertEquals(CorsFilter.ORIGIN, answer.header("Access-Control-Allow-Origin"), answer::toString);
      assertEquals("Authorization, DPoP, Content-Type", answer.header("Access-Control-Allow-Headers"),
          answer::toString);
      assertEquals(null, answer.header("WWW-Authenticate"), answer::toString);
    }
  }

  @Test
  void aRefusalExposesTheChallengeAndTheNonceToTheBrowser() {
    Answer answer = withCors.get("/me", "Origin", CorsFilter.ORIGIN, "Authorization", "DPoP not-a-token",
        "DPoP", "not-a-proof");
    assertEquals(401, answer.status(), answer::toString);
    assertTrue(answer.challenge().startsWith("DPoP "), answer::toString);
    assertEquals(CorsFilter.ORIGIN, answer.header("Access-Control-Allow-Origin"), answer::toString);
    assertEquals("WWW-Authenticate, DPoP-Nonce", answer.header("Access-Control-Expose-Headers"), answer::toString);
  }

  @Test
  void withoutACorsFilterAPreflightGetsTheImplementationsAnswerNotAChallenge() {
    for (String path : new String[] {"/me", "/payments"}) {
      Answer answer = withoutCors.send("OPTIONS", path, "", PREFLIGHT);
      assertTrue(answer.status() / 100 == 2, answer::toString);
      assertEquals(null, answer.header("WWW-Authenticate"), answer::toString);
    }
  }

  @Test
  void aPreflightToTheMetadataIsAnsweredToo() {
    Answer answer = withCors.send("OPTIONS", "/.well-known/oauth-protected-resource", "", PREFLIGHT);
    assertTrue(answer.status() / 100 == 2, answer::toString);
    assertEquals(CorsFilter.ORIGIN, answer.header("Access-Control-Allow-Origin"), answer::toString);
    Answer plain = withoutCors.send("OPTIONS", "/.well-known/oauth-protected-resource", "");
    assertTrue(plain.status() / 100 == 2, plain::toString);
    assertEquals("GET, HEAD, OPTIONS", plain.header("Allow"), plain::toString);
  }
}
