package dev.portcullis.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code demo} subcommand, in-process: the generated clients get the statuses the issue
 * lists, a token is reused from the cache and renewed when it nears expiry.
 */
class DemoTest {

  @Test
  void everyStepAnswersAsExpected() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    List<Demo.Step> steps =
        new Demo(new PrintStream(printed, true, StandardCharsets.UTF_8)).run();
    String output = printed.toString(StandardCharsets.UTF_8);

    assertEquals(
        List.of(200, 200, 403, 201, 200),
        steps.stream().map(Demo.Step::status).toList(),
        output);
    assertTrue(output.contains("error=\"insufficient_scope\""), output);
    assertTrue(output.contains("scope=\"orders:write\""), output);
    assertTrue(output.contains("a generated client throws InsufficientScopeException, requiredScopes=[orders:write]"),
        output);
  }
}
