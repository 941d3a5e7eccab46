package dev.portcullis.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.portcullis.processor.base.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A scope that is not a valid scope token is reported once, where it is written: the clients
 * that call the method are not also told they lack it, which would only repeat the mistake.
 */
class ClientCoverageOfInvalidScopeTest {
  private static final JavaFileObject API =
      JavaFileObjects.forSourceLines(
          "shop.ItemsApi",
          "package shop;",
          "import dev.portcullis.RequiresScope;",
          "import jakarta.ws.rs.GET;",
          "import jakarta.ws.rs.Path;",
          "@Path(\"/items\")",
          "public interface ItemsApi {",
          "  @GET @RequiresScope(\"items read\") String list();",
          "}");

  private static final JavaFileObject CLIENT =
      JavaFileObjects.forSourceLines(
          "shop.ItemsClient",
          "package shop;",
          "import dev.portcullis.OAuthClient;",
          "@OAuthClient(name = \"items\", scopes = \"items:read\")",
          "public interface ItemsClient extends ItemsApi {}");

  @Test
  void invalidScopeIsReportedOnlyWhereItIsWritten() {
    Compilation compilation =
        Compiler.javac().withProcessors(new PortcullisProcessor()).compile(API, CLIENT);
    assertThat(compilation)
        .hadErrorContaining(
            Message.SCOPE_CONTAINS_SPACE.format("items read", "ItemsApi.list()"))
        .inFile(API)
        .onLineContaining("@RequiresScope(\"items read\")");
    assertThat(compilation).hadErrorCount(1);
  }
}
