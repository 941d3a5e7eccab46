package dev.portcullis.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.common.truth.Truth;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.portcullis.processor.base.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Requirements inherited from two supertypes that disagree fail the build at the resource
 * class; nested resource classes get filters unless they are private.
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
      Compiler.javac().withProcessors(new PortcullisProcessor()).compile(CONFLICT);

  @Test
  void nestedClassesGetAFilterNamedByTheirSimpleNames() {
    JavaFileObject inner =
        JavaFileObjects.forSourceLines(
            "shop.Outer",
            "package shop;",
            "public class Outer {",
            "  @jakarta.ws.rs.Path(\"/inner\") @dev.portcullis.RequiresScope(\"x\")",
            "  public class Inner { @jakarta.ws.rs.GET public String get() { return null; } }",
            "}");
    Compilation nested = Compiler.javac().withProcessors(new PortcullisProcessor()).compile(inner);
    assertThat(nested).succeededWithoutWarnings();
    Truth.assertThat(FilterRules.lines(nested, "shop.Outer$Inner"))
        .containsExactly("get() scopes ALL x");
  }

  @Test
  void privateResourceClassIsAnErrorOnTheClassBecauseItsFilterCannotNameIt() {
    Compilation nested = Compiler.javac().withProcessors(new PortcullisProcessor()).compile(NESTED);
    assertThat(nested)
        .hadErrorContaining(Message.FILTER_CANNOT_NAME_CLASS.format("shop.Outer.Hidden"))
        .inFile(NESTED)
        .onLineContaining("private static class Hidden");
  }

  @Test
  void privateParameterTypeIsAnErrorOnTheMethodBecauseTheFilterCannotNameIt() {
    Compilation nested = Compiler.javac().withProcessors(new PortcullisProcessor()).compile(NESTED);
    assertThat(nested)
        .hadErrorContaining(
            Message.FILTER_CANNOT_NAME_TYPE.format(
                "shop.Outer.Secret",
                "shop.Outer.PrivateParameter.post()",
                "Outer_PrivateParameter_PortcullisFilter"))
        .inFile(NESTED)
        .onLineContaining("public String post(Secret secret)");
    assertThat(nested).hadErrorCount(2);
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
    assertThat(COMPILATION).hadErrorCount(2);
  }

  @Test
  void classRelyingOnItsInterfacesPathIsWarnedAtTheClassWithTheFix() {
    JavaFileObject source =
        JavaFileObjects.forSourceLines(
            "shop.Orders",
            "package shop;",
            "",
            "@jakarta.ws.rs.Path(\"/orders\")",
            "interface OrdersApi {",
            "  @jakarta.ws.rs.GET @dev.portcullis.RequiresScope(\"orders:read\") String list();",
            "}",
            "",
            "public class Orders implements OrdersApi {",
            "  @Override public String list() { return null; }",
            "}");
    Compilation compilation =
        Compiler.javac().withProcessors(new PortcullisProcessor()).compile(source);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining(
            Message.RESOURCE_PATH_ONLY_ON_INTERFACE.format(
                "Orders", "shop.OrdersApi", "/orders", "/orders", "Orders"))
        .inFile(source)
        .onLineContaining("public class Orders implements");
    // The endpoints are still protected should the class be reached some other way.
    Truth.assertThat(FilterRules.lines(compilation, "shop.Orders"))
        .containsExactly("list() scopes ALL orders:read");
  }
}
