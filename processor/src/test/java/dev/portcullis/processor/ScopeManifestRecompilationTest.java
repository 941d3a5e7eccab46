package dev.portcullis.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build that recompiles one resource class, as Gradle's incremental compilation or Maven
 * with {@code useIncrementalCompilation=false} does, compiles it alone against the class
 * output of the previous build and writes its output over it. The scope manifest of that class
 * output still lists the endpoints of the class that was not recompiled.
 */
class ScopeManifestRecompilationTest {
  private static final JavaFileObject ITEMS =
      JavaFileObjects.forSourceLines(
          "inventory.ItemsResource",
          "package inventory;",
          "",
          "import dev.portcullis.RequiresScope;",
          "import jakarta.ws.rs.GET;",
          "import jakarta.ws.rs.Path;",
          "",
          "@Path(\"/items\")",
          "public class ItemsResource {",
          "  @GET @RequiresScope(\"items:read\") public String list() { return \"[]\"; }",
          "}");
  private static final JavaFileObject PRICES = pricesResource();
  private static final JavaFileObject PRICES_CHANGED =
      pricesResource("  @DELETE @RequiresScope(\"prices:admin\") public void clear() {}");

  private static Path classes;
  private static Map<String, String> firstBuild;
  private static Compilation recompilation;

  @BeforeAll
  static void buildThenRecompileOneClass(@TempDir Path directory) throws IOException {
    classes = directory.resolve("classes");
    Compilation full =
        Compiler.javac().withProcessors(new PortcullisProcessor()).compile(ITEMS, PRICES);
    assertThat(full).succeededWithoutWarnings();
    firstBuild = GeneratedManifest.fragments(full);
    recompilation =
        Compiler.javac()
            .withProcessors(new PortcullisProcessor())
            .withClasspath(ClassPaths.withClassesOf(full, classes))
            .compile(PRICES_CHANGED);
    assertThat(recompilation).succeededWithoutWarnings();
    ClassPaths.writeClassOutput(recompilation.generatedFiles(), classes);
  }

  @Test
  void recompiledClassRewritesOnlyItsOwnFragment() throws IOException {
    assertThat(GeneratedManifest.fragments(recompilation).keySet())
        .containsExactly("inventory.PricesResource");
    assertThat(fragmentsIn(classes))
        .containsExactly("inventory.ItemsResource.json", "inventory.PricesResource.json")
        .inOrder();
    assertThat(read("inventory.ItemsResource")).isEqualTo(firstBuild.get("inventory.ItemsResource"));
    assertThat(read("inventory.PricesResource"))
        .isEqualTo(GeneratedManifest.fragments(recompilation).get("inventory.PricesResource"));
  }

  @Test
  void printedManifestListsTheClassThatWasNotRecompiled() throws Exception {
    String printed = printScopeManifest(classes);

    assertThat(printed).contains("GET     /items   items:read");
    assertThat(printed).contains("inventory.ItemsResource#list()");
    assertThat(printed).contains("DELETE  /prices  prices:admin");
    assertThat(printed).contains("GET     /prices  public");
  }

  /** {@code inventory.PricesResource}: a public {@code GET /prices}, then {@code methods}. */
  private static JavaFileObject pricesResource(String... methods) {
    List<String> lines = new ArrayList<>(List.of(
        "package inventory;",
        "",
        "import dev.portcullis.Public;",
        "import dev.portcullis.RequiresScope;",
        "import jakarta.ws.rs.DELETE;",
        "import jakarta.ws.rs.GET;",
        "import jakarta.ws.rs.Path;",
        "",
        "@Path(\"/prices\")",
        "public class PricesResource {",
        "  @GET @Public public String list() { return \"[]\"; }"));
    lines.addAll(List.of(methods));
    lines.add("}");
    return JavaFileObjects.forSourceLines("inventory.PricesResource", lines);
  }

  private static List<String> fragmentsIn(Path root) throws IOException {
    try (Stream<Path> files = Files.list(root.resolve(GeneratedManifest.DIRECTORY))) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }

  private static String read(String binaryName) throws IOException {
    return Files.readString(
        classes.resolve(GeneratedManifest.DIRECTORY + binaryName + ".json"), StandardCharsets.UTF_8);
  }

  /** Runs the runtime's printer on {@code root} the way a user does, in its own JVM. */
  private static String printScopeManifest(Path root) throws Exception {
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.portcullis.internal.manifest.ScopeManifestCommand",
                root.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertWithMessage(output).that(process.exitValue()).isEqualTo(0);
    return output;
  }
}
