package dev.portcullis.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.common.truth.Truth;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * A catalogue's scope hierarchy reaches the generated binding and client coverage, and the
 * compilation's scope manifest matches its golden file byte for byte, every time.
 */
class ScopeHierarchyAndManifestTest {
  static final JavaFileObject[] WAREHOUSE = {
    TestSources.source("warehouse/WarehouseScopes.java"),
    TestSources.source("warehouse/StockApi.java"),
    TestSources.source("warehouse/StockResource.java"),
    TestSources.source("warehouse/StockAdminClient.java")
  };

  private static final Compilation COMPILATION = compile();

  static Compilation compile() {
    return Compiler.javac().withProcessors(new PortcullisProcessor()).compile(WAREHOUSE);
  }

  @Test
  void implyingScopesAreAcceptedWhereTheBindingRequiresTheImpliedOne() {
    assertThat(COMPILATION).succeededWithoutWarnings();
    Truth.assertThat(FilterRules.source(COMPILATION, "warehouse.StockResource"))
        .isEqualTo(TestSources.goldenFilter("warehouse.StockResource"));
  }

  @Test
  void clientWithTheBroadestScopeCoversEveryMethodItImplies() {
    assertThat(COMPILATION).generatedSourceFile("warehouse.StockAdminClient_OAuthStub");
  }

  @Test
  void clientWithoutAnImplyingScopeIsStillRefused() {
    Compilation narrow =
        Compiler.javac()
            .withProcessors(new PortcullisProcessor())
            .compile(
                WAREHOUSE[0],
                WAREHOUSE[1],
                WAREHOUSE[2],
                JavaFileObjects.forSourceLines(
                    "warehouse.StockWriterClient",
                    "package warehouse;",
                    "",
                    "import dev.portcullis.OAuthClient;",
                    "",
                    "@OAuthClient(name = \"stock-writer\", scopes = {WarehouseScopes.WRITE,",
                    "    WarehouseScopes.AUDIT})",
                    "public interface StockWriterClient extends StockApi {}"));
    assertThat(narrow)
        .hadErrorContaining(
            Message.CLIENT_SCOPES_MISSING.format(
                "StockWriterClient",
                "StockApi.delete(String)",
                "@RequiresScope(\"stock:admin\")",
                "\"stock:admin\"",
                "\"stock:admin\""))
        .inFile(narrow.sourceFiles().get(3))
        .onLineContaining("scopes = {WarehouseScopes.WRITE,");
    assertThat(narrow).hadErrorCount(1);
  }

  @Test
  void manifestMatchesTheGoldenFile() throws IOException {
    String golden;
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("goldens/scopes.json")) {
      golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(new String(manifest(COMPILATION), StandardCharsets.UTF_8)).isEqualTo(golden);
  }

  @Test
  void twoCleanCompilationsWriteTheSameBytes() {
    assertThat(manifest(compile())).isEqualTo(manifest(COMPILATION));
  }

  static byte[] manifest(Compilation compilation) {
    JavaFileObject file =
        compilation
            .generatedFile(StandardLocation.CLASS_OUTPUT, ScopeManifestWriter.PATH)
            .orElseThrow();
    try (InputStream in = file.openInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
