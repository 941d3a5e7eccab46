package dev.portcullis.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.portcullis.processor.base.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Code that does not compile yet (a typo in a constant, a missing type) gets javac's own
 * errors plus, where protection is at stake, one Portcullis error; never a processor crash.
 */
class MalformedInputTest {
  private static final JavaFileObject UNKNOWN_CONSTANT =
      JavaFileObjects.forSourceLines(
          "shop.UnknownConstant",
          "package shop;",
          "",
          "import dev.portcullis.RequiresScope;",
          "import jakarta.ws.rs.GET;",
          "import jakarta.ws.rs.Path;",
          "",
          "@Path(\"/unknown\")",
          "public class UnknownConstant {",
          "  @GET @RequiresScope(Scopes.READ)",
          "  public String get() { return null; }",
          "}");

  private static final JavaFileObject UNKNOWN_ENUM_CONSTANT =
      JavaFileObjects.forSourceLines(
          "shop.UnknownEnumConstant",
          "package shop;",
          "",
          "import dev.portcullis.RequiresScope;",
          "import dev.portcullis.ScopeMatch;",
          "import jakarta.ws.rs.GET;",
          "import jakarta.ws.rs.Path;",
          "",
          "@Path(\"/unknown\")",
          "public class UnknownEnumConstant {",
          "  @GET @RequiresScope(value = \"a\", match = ScopeMatch.SOME)",
          "  public String get() { return null; }",
          "}");

  private static final JavaFileObject MISSING_TYPE =
      JavaFileObjects.forSourceLines(
          "shop.MissingType",
          "package shop;",
          "",
          "import dev.portcullis.RequiresScope;",
          "import jakarta.ws.rs.POST;",
          "import jakarta.ws.rs.Path;",
          "",
          "@Path(\"/missing\")",
          "public class MissingType {",
          "  @POST @RequiresScope(\"orders:write\")",
          "  public String post(OrderDto order) { return null; }",
          "}");

  private static final Compilation COMPILATION =
      Compiler.javac()
          .withProcessors(new PortcullisProcessor())
          .compile(UNKNOWN_CONSTANT, MISSING_TYPE);

  @Test
  void constantOfAMissingClassMeansNoBindingAndAnErrorSayingSo() {
    assertThat(COMPILATION)
        .hadErrorContaining(Message.UNRESOLVED_TYPES.format("shop.UnknownConstant"))
        .inFile(UNKNOWN_CONSTANT)
        .onLineContaining("public class UnknownConstant");
  }

  @Test
  void missingParameterTypeMeansNoBindingAndAnErrorSayingSo() {
    assertThat(COMPILATION)
        .hadErrorContaining(Message.UNRESOLVED_TYPES.format("shop.MissingType"))
        .inFile(MISSING_TYPE)
        .onLineContaining("public class MissingType");
  }

  @Test
  void eachMissingSymbolIsReportedOnceByJavacAndOnceForProtection() {
    assertThat(COMPILATION).hadErrorCount(4);
  }

  @Test
  void unknownEnumConstantIsLeftToJavac() {
    Compilation compilation =
        Compiler.javac().withProcessors(new PortcullisProcessor()).compile(UNKNOWN_ENUM_CONSTANT);
    // One error, javac's own at the value (its wording differs between JDKs): Portcullis
    // neither adds an error of its own nor fails.
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContainingMatch("(?s).*")
        .inFile(UNKNOWN_ENUM_CONSTANT)
        .onLineContaining("match = ScopeMatch.SOME");
  }
}
