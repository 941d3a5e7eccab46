package dev.portcullis.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scope manifest is written as one fragment per type, named by the type's binary name:
 * a resource class's endpoints, a client's scopes, a catalogue's scopes. Each matches its
 * golden file byte for byte, every time.
 */
class ScopeManifestFragmentsTest {
  private static final Compilation WAREHOUSE = compile();

  private static Compilation compile() {
    return Compiler.javac().withProcessors(new PortcullisProcessor()).compile(TestSources.WAREHOUSE);
  }

  @Test
  void resourceClassClientAndCatalogueEachHaveTheirOwnFragment() {
    assertThat(WAREHOUSE).succeededWithoutWarnings();
    assertThat(GeneratedManifest.fragments(WAREHOUSE).keySet())
        .containsExactly(
            "warehouse.StockAdminClient", "warehouse.StockResource", "warehouse.WarehouseScopes")
        .inOrder();
  }

  @Test
  void fragmentsMatchTheGoldenFiles() {
    for (Map.Entry<String, String> fragment : GeneratedManifest.fragments(WAREHOUSE).entrySet()) {
      assertThat(fragment.getValue()).isEqualTo(GeneratedManifest.golden(fragment.getKey()));
    }
  }

  @Test
  void resourceClassWithEveryKindOfRuleMatchesItsGoldenFile() {
    // The runtime's manifest tests read this golden as the fragment of a second resource class.
    Compilation compilation = Compiler.javac().withProcessors(new PortcullisProcessor())
        .compile(TestSources.ORDER, TestSources.ORDERS_RESOURCE);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(GeneratedManifest.fragments(compilation).get("shop.OrdersResource"))
        .isEqualTo(GeneratedManifest.golden("shop.OrdersResource"));
  }

  @Test
  void endpointsListTheirAcrValuesAndMaxAge() {
    Compilation compilation = Compiler.javac().withProcessors(new PortcullisProcessor())
        .compile(TestSources.source("shop/AccountResource.java"));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(GeneratedManifest.fragments(compilation).get("shop.AccountResource"))
        .isEqualTo(GeneratedManifest.golden("shop.AccountResource"));
  }

  @Test
  void twoCleanCompilationsWriteTheSameBytes() {
    assertThat(GeneratedManifest.fragments(compile()))
        .isEqualTo(GeneratedManifest.fragments(WAREHOUSE));
  }

  @Test
  void nestedResourceClassFragmentIsNamedByItsBinaryName() {
    Compilation compilation =
        Compiler.javac().withProcessors(new PortcullisProcessor()).compile(TestSources.ADMIN);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(GeneratedManifest.fragments(compilation).keySet())
        .containsExactly("shop.Admin$Users");
    assertThat(GeneratedManifest.fragments(compilation).get("shop.Admin$Users"))
        .contains("\"type\": \"shop.Admin$Users\"");
  }

  @Test
  void catalogueFromAJarIsLeftToTheJarThatCompiledIt(@TempDir Path directory) throws IOException {
    Compilation api =
        Compiler.javac()
            .withProcessors(new PortcullisProcessor())
            .compile(TestSources.WAREHOUSE[0], TestSources.WAREHOUSE[1]);
    assertThat(GeneratedManifest.fragments(api).keySet())
        .containsExactly("warehouse.WarehouseScopes");

    Compilation server =
        Compiler.javac()
            .withProcessors(new PortcullisProcessor())
            .withClasspath(ClassPaths.withJarOf(api, directory.resolve("warehouse-api.jar")))
            .compile(TestSources.WAREHOUSE[2], TestSources.WAREHOUSE[3]);

    assertThat(server).succeededWithoutWarnings();
    Map<String, String> fragments = GeneratedManifest.fragments(server);
    assertThat(fragments.keySet())
        .containsExactly("warehouse.StockAdminClient", "warehouse.StockResource")
        .inOrder();
    // The jar's scope hierarchy still widens the endpoints.
    assertThat(fragments.get("warehouse.StockResource"))
        .isEqualTo(GeneratedManifest.golden("warehouse.StockResource"));
  }

  @Test
  void compilationWithNothingToListWritesNoFragment() {
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new PortcullisProcessor())
            .compile(
                JavaFileObjects.forSourceLines(
                    "plain.Greeting", "package plain;", "", "public class Greeting {}"));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(GeneratedManifest.fragments(compilation)).isEmpty();
  }
}
