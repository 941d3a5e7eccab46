package dev.portcullis.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Resource classes the generated binding cannot name, and requirements inherited from two
 * supertypes that disagree, fail the build at the resource class.
 */
class ResourceClassValidationTest {
  private static final JavaFileObject NESTED =
      JavaFileObjects.forSourceLines(
          "shop.Outer",
          "package shop;",
          "",
          "import dev.portcullis.RequiresScope;",
          "import jakarta.ws.rs.GET;",
          "import jakarta.ws.rs.POST;",
          "import jakarta.ws.rs.Path;",
          "",
          "public class Outer {",
          "  @Path(\"/hidden\") @RequiresScope(\"x\")",
          "  private static class Hidden { @GET public String get() { return null; } }",
          "",
          "  @Path(\"/inner\") @RequiresScope(\"x\")",
          "  public class Inner { @GET public String get() { return null; } }",
          "",
          "  @Path(\"/param\")",
          "  public static class PrivateParameter {",
          "    @POST @RequiresScope(\"x\") public String post(Secret secret) { return null; }",
          "  }",
          "",
          "  private static class Secret {}",
          "}");

  private static final JavaFileObject CONFLICT =
      JavaFileObjects.forSourceLines(
          "shop.Conflicted",
          "package shop;",
          "",
          "import dev.portcullis.Public;",
          "import dev.portcullis.RequiresScope;",
          "import jakarta.ws.rs.GET;",
          "import jakarta.ws.rs.Path;",
          "",
          "interface ReadApi { @GET @Path(\"r\") @RequiresScope(\"a\") String get(); }",
          "interface AdminApi { @GET @Path(\"r\") @RequiresScope(\"b\") String get(); }",
          "interface SameApi { @GET @Path(\"r\") @RequiresScope(\"a\") String get(); }",
          "@RequiresScope(\"c\") interface ReportsApi { @GET @Path(\"p\") String report(); }",
          "@Public interface HealthApi { @GET @Path(\"p\") String report(); }",
          "",
          "@Path(\"/conflicted\")",
          "public class Conflicted implements ReadApi, AdminApi {",
          "  public String get() { return null; }",
          "}",
          "",
          "@Path(\"/agreed\")",
          "class Agreed implements ReadApi, SameApi {",
          "  public String get() { return null; }",
          "}",
          "",
          "@Path(\"/types\")",
          "class TypesConflicted implements ReportsApi, HealthApi {",
          "  public String report() { return null; }",
          "}");

  private static final Compilation COMPILATION =
      Compiler.javac().withProcessors(new PortcullisProcessor()).compile(NESTED, CONFLICT);

  @Test
  void privateNestedResourceClassIsRejected() {
    assertThat(COMPILATION)
        .hadErrorContaining(
            Message.CLASS_NOT_REFERENCEABLE.format(
                "Outer.Hidden", "Outer_Hidden_ScopeBinding", "it is a private nested class"))
        .inFile(NESTED)
        .onLineContaining("class Hidden");
  }

  @Test
  void innerResourceClassIsRejected() {
    assertThat(COMPILATION)
        .hadErrorContaining(
            Message.CLASS_NOT_REFERENCEABLE.format(
                "Outer.Inner", "Outer_Inner_ScopeBinding", "it is an inner (non-static) class"))
        .inFile(NESTED)
        .onLineContaining("class Inner");
  }

  @Test
  void privateParameterTypeOfBoundMethodIsRejected() {
    assertThat(COMPILATION)
        .hadErrorContaining(
            Message.PARAMETER_TYPE_NOT_REFERENCEABLE.format(
                "Outer.PrivateParameter.post(Secret)",
                "Outer_PrivateParameter_ScopeBinding",
                "Outer.Secret"))
        .inFile(NESTED)
        .onLineContaining("post(Secret secret)");
  }

  @Test
  void conflictingMethodRequirementsFromTwoInterfacesAreReportedOnTheClass() {
    assertThat(COMPILATION)
        .hadErrorContaining(
            Message.CONFLICTING_INHERITED_REQUIREMENTS.format(
                "Conflicted",
                "Conflicted.get()",
                "@RequiresScope(\"a\")",
                "ReadApi.get()",
                "@RequiresScope(\"b\")",
                "AdminApi.get()",
                "Conflicted"))
        .inFile(CONFLICT)
        .onLineContaining("public class Conflicted");
  }

  @Test
  void conflictingTypeRequirementsFromTwoInterfacesAreReportedOnTheClass() {
    assertThat(COMPILATION)
        .hadErrorContaining(
            Message.CONFLICTING_INHERITED_REQUIREMENTS.format(
                "TypesConflicted",
                "TypesConflicted.report()",
                "@RequiresScope(\"c\")",
                "ReportsApi",
                "@Public",
                "HealthApi",
                "TypesConflicted"))
        .inFile(CONFLICT)
        .onLineContaining("class TypesConflicted");
  }

  @Test
  void equalRequirementsFromTwoInterfacesDoNotConflict() {
    assertThat(COMPILATION).hadErrorCount(5);
  }
}
