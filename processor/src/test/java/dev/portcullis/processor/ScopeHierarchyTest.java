package dev.portcullis.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.common.truth.Truth;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.portcullis.processor.base.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** A catalogue's scope hierarchy reaches the generated binding and client coverage. */
class ScopeHierarchyTest {
  private static final JavaFileObject[] WAREHOUSE = TestSources.WAREHOUSE;
  private static final Compilation COMPILATION =
      Compiler.javac().withProcessors(new PortcullisProcessor()).compile(WAREHOUSE);

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
}
