package dev.portcullis.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.common.truth.Truth;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.portcullis.processor.base.Message;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An API jar carries its interface and its scope catalogue. Clients and resource classes
 * compiled against the jar are checked against both: client coverage, unknown scopes and the
 * scope hierarchy all work from class files.
 */
class CatalogueInJarTest {
  private static final JavaFileObject WRITER_CLIENT =
      JavaFileObjects.forSourceLines(
          "app.StockWriterClient",
          "package app;",
          "",
          "import dev.portcullis.OAuthClient;",
          "import warehouse.StockApi;",
          "import warehouse.WarehouseScopes;",
          "",
          "@OAuthClient(name = \"stock-writer\",",
          "    scopes = {WarehouseScopes.WRITE, WarehouseScopes.AUDIT})",
          "public interface StockWriterClient extends StockApi {}");

  private static final JavaFileObject TYPO_CLIENT =
      JavaFileObjects.forSourceLines(
          "app.TypoClient",
          "package app;",
          "",
          "import dev.portcullis.OAuthClient;",
          "import warehouse.StockApi;",
          "",
          "@OAuthClient(name = \"typo\",",
          "    scopes = {\"stock:admin\", \"audit\", \"stock:raed\"})",
          "public interface TypoClient extends StockApi {}");

  private static List<File> classpath;
  private static Compilation againstJar;

  @BeforeAll
  static void compileAgainstTheApiJar(@TempDir Path directory) throws IOException {
    Compilation api =
        Compiler.javac()
            .withProcessors(new PortcullisProcessor())
            .compile(
                TestSources.WAREHOUSE[0],
                TestSources.WAREHOUSE[1]);
    assertThat(api).succeededWithoutWarnings();
    classpath = ClassPaths.withJarOf(api, directory.resolve("warehouse-api.jar"));
    againstJar =
        Compiler.javac()
            .withProcessors(new PortcullisProcessor())
            .withClasspath(classpath)
            .compile(WRITER_CLIENT, TYPO_CLIENT);
  }

  @Test
  void clientLackingAScopeTheJarsInterfaceRequiresIsAnError() {
    assertThat(againstJar)
        .hadErrorContaining(
            Message.CLIENT_SCOPES_MISSING.format(
                "StockWriterClient",
                "StockApi.delete(String)",
                "@RequiresScope(\"stock:admin\")",
                "\"stock:admin\"",
                "\"stock:admin\""))
        .inFile(WRITER_CLIENT)
        .onLineContaining("scopes = {WarehouseScopes.WRITE");
  }

  @Test
  void catalogueInTheApiPackageOfTheJarChecksClientScopes() {
    assertThat(againstJar)
        .hadErrorContaining(
            Message.SCOPE_UNKNOWN_DID_YOU_MEAN.format(
                "stock:raed", "@OAuthClient TypoClient", "stock:read"))
        .inFile(TYPO_CLIENT)
        .onLineContaining("\"stock:raed\"");
    assertThat(againstJar).hadErrorCount(2);
  }

  @Test
  void resourceClassImplementingTheJarsInterfaceGetsTheJarsScopeHierarchy() {
    Compilation resource =
        Compiler.javac()
            .withProcessors(new PortcullisProcessor())
            .withClasspath(classpath)
            .compile(TestSources.WAREHOUSE[2]);
    assertThat(resource).succeededWithoutWarnings();
    Truth.assertThat(FilterRules.source(resource, "warehouse.StockResource"))
        .isEqualTo(TestSources.goldenFilter("warehouse.StockResource"));
  }
}
