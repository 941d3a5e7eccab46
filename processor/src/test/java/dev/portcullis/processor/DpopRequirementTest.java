package dev.portcullis.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.portcullis.processor.base.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * An endpoint's DPoP requirement is part of its rule: two supertypes that differ only in it
 * disagree, and the processor says so where the class inherits them.
 */
class DpopRequirementTest {
  private static final JavaFileObject SOURCE =
      JavaFileObjects.forSourceLines(
          "shop.Payments",
          "package shop;",
          "",
          "import dev.portcullis.Dpop;",
          "import dev.portcullis.RequiresScope;",
          "import jakarta.ws.rs.GET;",
          "import jakarta.ws.rs.Path;",
          "",
          "interface PaymentsApi {",
          "  @GET @RequiresScope(value = \"payments:read\", dpop = Dpop.REQUIRED)",
          "  String list();",
          "}",
          "",
          "interface LegacyPaymentsApi {",
          "  @GET @RequiresScope(\"payments:read\")",
          "  String list();",
          "}",
          "",
          "@Path(\"/payments\")",
          "public class Payments implements PaymentsApi, LegacyPaymentsApi {",
          "  @Override public String list() { return null; }",
          "}");

  @Test
  void supertypesThatDifferOnlyInDpopConflictAtTheClass() {
    Compilation compilation = Compiler.javac().withProcessors(new PortcullisProcessor()).compile(SOURCE);

    assertThat(compilation)
        .hadErrorContaining(
            Message.CONFLICTING_INHERITED_REQUIREMENTS.format(
                "Payments",
                "Payments.list()",
                "@RequiresScope(value = \"payments:read\", dpop = REQUIRED)",
                "PaymentsApi.list()",
                "@RequiresScope(\"payments:read\")",
                "LegacyPaymentsApi.list()",
                "Payments"))
        .inFile(SOURCE)
        .onLineContaining("public class Payments");
  }
}
