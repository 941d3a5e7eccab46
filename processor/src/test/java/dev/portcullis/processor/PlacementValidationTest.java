package dev.portcullis.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.portcullis.processor.base.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Annotations that would silently do nothing, or contradict each other, fail the build. */
class PlacementValidationTest {
  private static final JavaFileObject NOT_A_RESOURCE =
      JavaFileObjects.forSourceLines(
          "shop.OrderService",
          "package shop;",
          "",
          "import dev.portcullis.RequiresScope;",
          "",
          "@RequiresScope(\"orders:read\")",
          "public class OrderService {",
          "  public String list() { return null; }",
          "}");

  private static final JavaFileObject PLACEMENT =
      JavaFileObjects.forSourceLines(
          "shop.Placement",
          "package shop;",
          "",
          "import dev.portcullis.Public;",
          "import dev.portcullis.RequiresScope;",
          "import dev.portcullis.RequiresToken;",
          "import jakarta.ws.rs.GET;",
          "import jakarta.ws.rs.Path;",
          "",
          "@Path(\"/placement\")",
          "public class Placement {",
          "  @RequiresToken public String helper() { return null; }",
          "",
          "  @Path(\"items\") @RequiresScope(\"items:read\") public Object items() { return null; }",
          "",
          "  @GET @Path(\"hidden\") @RequiresScope(\"x\") private String hidden() { return null; }",
          "",
          "  @GET @Path(\"shared\") @RequiresToken public static String shared() { return null; }",
          "",
          "  @GET @Path(\"pkg\") @RequiresToken String packagePrivate() { return null; }",
          "",
          "  @GET @Path(\"both\") @Public @RequiresScope(\"x\") public String both() { return null; }",
          "",
          "  @GET @Path(\"tok\") @RequiresToken @RequiresScope(\"x\")",
          "  public String tokenAndScope() { return null; }",
          "}");

  private static final JavaFileObject SHADOWED =
      JavaFileObjects.forSourceLines(
          "shop.Shadowed",
          "package shop;",
          "",
          "import dev.portcullis.Public;",
          "import dev.portcullis.RequiresScope;",
          "import dev.portcullis.RequiresToken;",
          "import jakarta.ws.rs.GET;",
          "import jakarta.ws.rs.POST;",
          "import jakarta.ws.rs.Path;",
          "",
          "@Path(\"/shadowed\")",
          "@RequiresScope(\"orders:read\")",
          "public class Shadowed {",
          "  @GET @RequiresToken public String get() { return null; }",
          "  @POST @Public public String post() { return null; }",
          "}");

  private static final Compilation COMPILATION =
      Compiler.javac()
          .withProcessors(new PortcullisProcessor())
          .compile(NOT_A_RESOURCE, PLACEMENT, SHADOWED);

  @Test
  void annotationOnClassWithoutPathOrResourceMethodsIsRejected() {
    assertThat(COMPILATION)
        .hadErrorContaining(Message.TYPE_NOT_RESOURCE.format("RequiresScope", "OrderService"))
        .inFile(NOT_A_RESOURCE)
        .onLineContaining("@RequiresScope(\"orders:read\")");
  }

  @Test
  void annotationOnMethodWithoutHttpMethodIsRejected() {
    assertThat(COMPILATION)
        .hadErrorContaining(
            Message.METHOD_NOT_RESOURCE_METHOD.format(
                "RequiresToken", "Placement.helper()", "RequiresToken"))
        .inFile(PLACEMENT)
        .onLineContaining("helper()");
  }

  @Test
  void annotationOnSubResourceLocatorAsksToAnnotateTheSubResource() {
    assertThat(COMPILATION)
        .hadErrorContaining(
            Message.METHOD_IS_SUB_RESOURCE_LOCATOR.format("RequiresScope", "Placement.items()"))
        .inFile(PLACEMENT)
        .onLineContaining("items()");
  }

  @Test
  void annotationOnPrivateMethodIsRejected() {
    assertThat(COMPILATION)
        .hadErrorContaining(
            Message.METHOD_PRIVATE.format("RequiresScope", "Placement.hidden()", "RequiresScope"))
        .inFile(PLACEMENT)
        .onLineContaining("hidden()");
  }

  @Test
  void annotationOnStaticMethodIsRejected() {
    assertThat(COMPILATION)
        .hadErrorContaining(
            Message.METHOD_STATIC.format("RequiresToken", "Placement.shared()", "RequiresToken"))
        .inFile(PLACEMENT)
        .onLineContaining("shared()");
  }

  @Test
  void annotationOnNonPublicResourceMethodIsAWarning() {
    assertThat(COMPILATION)
        .hadWarningContaining(
            Message.METHOD_NOT_PUBLIC.format("RequiresToken", "Placement.packagePrivate()"))
        .inFile(PLACEMENT)
        .onLineContaining("packagePrivate()");
  }

  @Test
  void publicTogetherWithRequiresScopeIsReportedOnPublic() {
    assertThat(COMPILATION)
        .hadErrorContaining(
            Message.PUBLIC_AND_PROTECTED.format("Placement.both()", "RequiresScope"))
        .inFile(PLACEMENT)
        .onLine(21)
        .atColumn(22);
  }

  @Test
  void requiresTokenTogetherWithRequiresScopeIsReportedOnRequiresToken() {
    assertThat(COMPILATION)
        .hadErrorContaining(Message.TOKEN_AND_SCOPE.format("Placement.tokenAndScope()"))
        .inFile(PLACEMENT)
        .onLineContaining("@RequiresToken @RequiresScope(\"x\")");
  }

  @Test
  void classRequirementThatEveryMethodOverridesIsAWarning() {
    assertThat(COMPILATION)
        .hadWarningContaining(
            Message.CLASS_REQUIREMENT_NEVER_APPLIES.format("RequiresScope", "Shadowed"))
        .inFile(SHADOWED)
        .onLineContaining("@RequiresScope(\"orders:read\")");
  }

  @Test
  void eachMistakeIsReportedExactlyOnce() {
    assertThat(COMPILATION).hadErrorCount(7);
    assertThat(COMPILATION).hadWarningCount(2);
  }
}
