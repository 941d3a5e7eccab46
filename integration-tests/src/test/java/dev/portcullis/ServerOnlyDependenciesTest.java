package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code portcullis-runtime} has no dependency on the client side: a server-only application
 * works without {@code portcullis-client} and the OAuth 2.0 SDK it brings. Runs the server in a
 * JVM whose class path has none of those jars.
 */
class ServerOnlyDependenciesTest {
  /** portcullis-client, the OAuth 2.0 SDK and the jars it alone brings. */
  private static final List<String> CLIENT_LIBRARIES = List.of(
      "portcullis-client-", "oauth2-oidc-sdk-", "json-smart-", "accessors-smart-", "asm-", "content-type-", "lang-tag-",
      "jcip-annotations-");

  @Test
  void tokensAreCheckedWithoutTheClientLibraries(@TempDir Path directory) throws Exception {
    // Surefire runs tests from a manifest-only jar and gives the real class path in its own property.
    String testClassPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String classPath = Arrays.stream(testClassPath.split(File.pathSeparator))
        .filter(entry -> CLIENT_LIBRARIES.stream()
            .noneMatch(library -> Path.of(entry).getFileName().toString().startsWith(library)))
        // In the reactor portcullis-client is its module's classes directory, not a jar.
        .filter(entry -> !Path.of(entry).endsWith(Path.of("client", "target", "classes"))
            && !Path.of(entry).endsWith(Path.of("client", "target", "test-classes")))
        .collect(Collectors.joining(File.pathSeparator));
    Process server = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", classPath, ServerWithoutClientLibraries.class.getName())
        .redirectErrorStream(true)
        .redirectOutput(directory.resolve("output.txt").toFile())
        .start();
    boolean finished = server.waitFor(60, TimeUnit.SECONDS);
    if (!finished) {
      server.destroyForcibly();
    }
    String output = Files.readString(directory.resolve("output.txt"), StandardCharsets.UTF_8);
    assertTrue(finished, "The server JVM did not finish in 60 s:\n" + output);

    assertEquals(0, server.exitValue(), output);
    assertTrue(output.contains("com.nimbusds.oauth2.sdk.TokenRequest absent\n"), output);
    assertTrue(output.contains("dev.portcullis.client.OAuthClients absent\n"), output);
    assertTrue(output.contains("no token 401\n"), output);
    assertTrue(output.contains("reader 200\n"), output);
    assertTrue(output.contains("other scope 403\n"), output);
    assertTrue(output.contains("introspection without portcullis-client: Introspection is configured"
        + " (portcullis.introspection-client-id is set), but the introspection calls are made by portcullis-client,"
        + " which is not on the class path; add the dependency dev.portcullis:portcullis-client, or remove the"
        + " introspection settings.\n"), output);
  }
}
