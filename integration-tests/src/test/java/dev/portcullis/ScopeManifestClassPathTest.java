package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.internal.manifest.ScopeManifestCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scope manifest of this module's class path, as the processor wrote it when the test
 * application ({@code dev.portcullis.testapp}) was compiled: read without naming a location.
 */
class ScopeManifestClassPathTest {

  @Test
  void readWithoutLocationsFindsTheFragmentsTheProcessorWrote() throws IOException {
    ScopeManifest manifest = ScopeManifest.read();

    assertTrue(manifest.endpoints().stream().anyMatch(e -> e.javaMethod().equals(
        "dev.portcullis.testapp.MeResource#me(SecurityContext)")
            && e.path().equals("/me") && e.httpMethod().equals("GET")),
        manifest.endpoints().toString());
    assertTrue(manifest.endpoints().stream().anyMatch(e -> e.resourceClass().equals(
        "dev.portcullis.testapp.OrdersResource")), manifest.endpoints().toString());
  }

  @Test
  void printWithoutArgumentsListsTheFragmentsOfTheJavaClassPath() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status = ScopeManifestCommand.print(List.of(),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    String text = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
    assertTrue(text.contains("dev.portcullis.testapp.MeResource#me(SecurityContext)"), text);
    assertTrue(text.contains("  GET     /me "), text);
  }
}
