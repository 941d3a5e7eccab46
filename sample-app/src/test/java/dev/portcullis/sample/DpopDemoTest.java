package dev.portcullis.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The {@code demo --dpop} subcommand, in-process: the generated client gets DPoP-bound tokens
 * from the development server, calls the sample with a fresh proof each time, a copied token
 * with another key is refused, and the renewed token is bound to the same key.
 */
class DpopDemoTest {

  private static String run(Map<String, String> environment, List<Integer> statuses) throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    List<DpopDemo.Step> steps =
        new DpopDemo(new PrintStream(printed, true, StandardCharsets.UTF_8), environment).run();
    String output = printed.toString(StandardCharsets.UTF_8);
    assertEquals(statuses, steps.stream().map(DpopDemo.Step::status).toList(), output);
    return output;
  }

  @Test
  void everyStepAnswersAsExpectedAndTheProofAndCnfArePrinted() throws Exception {
    String output = run(Map.of(), List.of(200, 200, 401, 200));

    assertTrue(output.contains("PORTCULLIS_DPOP=required"), output);
    Matcher key = Pattern.compile("a new ES256 key, thumbprint ([A-Za-z0-9_-]{43})").matcher(output);
    assertTrue(key.find(), output);
    assertTrue(output.contains("the token: type DPoP, cnf {\"jkt\":\"" + key.group(1) + "\"}"), output);
    assertTrue(output.contains("jwk with thumbprint " + key.group(1)), output);
    assertTrue(output.contains("     htm: GET"), output);
    assertTrue(output.contains("     htu: http://127.0.0.1:"), output);
    assertTrue(output.contains("     ath: "), output);
    assertFalse(output.contains("\"d\""), output);
    assertTrue(output.contains("error=\"invalid_token\", error_description=\"The token is bound to another key"), output);
  }

  @Test
  void withServerNoncesTheFirstCallIsAskedForOneAndSentAgain() throws Exception {
    String output = run(Map.of("PORTCULLIS_DPOP_NONCE", "required"), List.of(200, 200, 401, 200));

    assertTrue(output.contains("GET /api/orders -> 401 Unauthorized (DPoP"), output);
    assertTrue(output.contains("error=\"use_dpop_nonce\""), output);
    assertTrue(output.contains("     nonce: "), output);
  }
}
