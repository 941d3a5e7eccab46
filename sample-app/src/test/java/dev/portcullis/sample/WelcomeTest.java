package dev.portcullis.sample;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.PortcullisConfig.DpopPolicy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The text printed at start-up matches what the API accepts. */
class WelcomeTest {
  private static final String API = "http://127.0.0.1:8080";
  private static final String ISSUER = "http://127.0.0.1:8081/default";
  private static final String TOKENS = ISSUER + "/token";

  @Test
  void bearerCommandsAndBothDemosWhenDpopIsOff() {
    String text = print(new Welcome(API, ISSUER, "orders-api", TOKENS, DpopPolicy.OFF));

    assertTrue(text.contains("-H \"Authorization: Bearer $TOKEN\""), text);
    assertTrue(text.contains("portcullis-sample-app.jar demo\n"), text);
    assertTrue(text.contains("portcullis-sample-app.jar demo --dpop"), text);
  }

  @Test
  void noBearerCommandsWhenTheApiRequiresDpop() {
    String text = print(new Welcome(API, ISSUER, "orders-api", TOKENS, DpopPolicy.REQUIRED));

    assertFalse(text.contains("Bearer $TOKEN"), text);
    assertTrue(text.contains("accepts only DPoP-bound tokens (PORTCULLIS_DPOP=required)"), text);
    assertTrue(text.contains("java -jar portcullis-sample-app.jar demo --dpop"), text);
  }

  @Test
  void withAnExternalIssuerAndDpopRequiredTheProofIsAskedFor() {
    String text = print(new Welcome(API, "https://sso.example.com/realms/shop", "orders-api", null,
        DpopPolicy.REQUIRED));

    assertFalse(text.contains("Bearer $TOKEN"), text);
    assertFalse(text.contains("demo --dpop"), text);
    assertTrue(text.contains("Authorization: DPoP <token> with a DPoP proof"), text);
  }

  @Test
  void theRunningSampleTellsItsOwnPolicy() {
    try (SampleApp app = SampleApp.start(Map.of("PORT", "0", "PORTCULLIS_DPOP", "required"), new Properties())) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      app.printWelcome(new PrintStream(bytes, true, StandardCharsets.UTF_8));
      String text = bytes.toString(StandardCharsets.UTF_8);

      assertTrue(text.contains("accepts only DPoP-bound tokens"), text);
      assertFalse(text.contains("Bearer $TOKEN"), text);
    }
  }

  private static String print(Welcome welcome) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    welcome.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
