package dev.portcullis.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.portcullis.processor.base.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Deny by default at compile time: with the option or the annotation, a resource method
 * without {@code @RequiresScope}, {@code @RequiresToken} or {@code @Public} fails the build.
 */
class ExplicitDecisionTest {
  private static final JavaFileObject BASE =
      JavaFileObjects.forSourceLines(
          "shop.BaseResource",
          "package shop;",
          "",
          "import jakarta.ws.rs.GET;",
          "import jakarta.ws.rs.Path;",
          "",
          "public abstract class BaseResource {",
          "  @GET @Path(\"version\") public String version() { return \"1\"; }",
          "}");

  private static final JavaFileObject STOCK =
      JavaFileObjects.forSourceLines(
          "shop.Stock",
          "package shop;",
          "",
          "import dev.portcullis.Public;",
          "import dev.portcullis.RequiresScope;",
          "import dev.portcullis.RequiresToken;",
          "import jakarta.ws.rs.DELETE;",
          "import jakarta.ws.rs.GET;",
          "import jakarta.ws.rs.POST;",
          "import jakarta.ws.rs.PUT;",
          "import jakarta.ws.rs.Path;",
          "",
          "@Path(\"/stock\")",
          "public class Stock extends BaseResource {",
          "  @GET @RequiresScope(\"stock:read\") public String list() { return null; }",
          "  @POST @RequiresToken public String count() { return null; }",
          "  @GET @Path(\"ping\") @Public public String ping() { return null; }",
          "  @DELETE public void forgotten() {}",
          "  @PUT public void alsoForgotten() {}",
          "}");

  private static final JavaFileObject OPEN =
      JavaFileObjects.forSourceLines(
          "shop.Open",
          "package shop;",
          "",
          "import jakarta.ws.rs.GET;",
          "import jakarta.ws.rs.Path;",
          "",
          "@Path(\"/open\")",
          "public class Open {",
          "  @GET public String get() { return null; }",
          "}");

  private static final Compilation REQUIRED_BY_OPTION =
      Compiler.javac()
          .withProcessors(new PortcullisProcessor())
          .withOptions("-Aportcullis.requireExplicit=true")
          .compile(BASE, STOCK);

  @Test
  void methodWithoutDecisionIsAnErrorNamingItAndTheOption() {
    assertThat(REQUIRED_BY_OPTION)
        .hadErrorContaining(
            Message.EXPLICIT_DECISION_MISSING.format(
                "Stock.forgotten()", "-Aportcullis.requireExplicit=true"))
        .inFile(STOCK)
        .onLineContaining("public void forgotten()");
  }

  @Test
  void inheritedMethodWithoutDecisionIsReportedOnTheResourceClass() {
    assertThat(REQUIRED_BY_OPTION)
        .hadErrorContaining(
            Message.EXPLICIT_DECISION_MISSING.format(
                "BaseResource.version() (served by Stock)", "-Aportcullis.requireExplicit=true"))
        .inFile(STOCK)
        .onLineContaining("public class Stock");
  }

  @Test
  void scopesTokenAndPublicAreAllExplicitDecisions() {
    assertThat(REQUIRED_BY_OPTION).hadErrorCount(3);
  }

  @Test
  void withoutOptionOrAnnotationUndecidedMethodsAreLeftAlone() {
    Compilation compilation =
        Compiler.javac().withProcessors(new PortcullisProcessor()).compile(BASE, STOCK, OPEN);
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void optionWithoutValueTurnsTheCheckOn() {
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new PortcullisProcessor())
            .withOptions("-Aportcullis.requireExplicit")
            .compile(OPEN);
    assertThat(compilation)
        .hadErrorContaining(
            Message.EXPLICIT_DECISION_MISSING.format(
                "Open.get()", "-Aportcullis.requireExplicit=true"))
        .inFile(OPEN)
        .onLineContaining("public String get()");
  }

  @Test
  void optionThatIsNotABooleanIsAnError() {
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new PortcullisProcessor())
            .withOptions("-Aportcullis.requireExplicit=yes")
            .compile(OPEN);
    assertThat(compilation)
        .hadErrorContaining(
            Message.OPTION_INVALID.format(
                "portcullis.requireExplicit",
                "yes",
                "portcullis.requireExplicit",
                "portcullis.requireExplicit"));
  }

  @Test
  void annotatedPackageRequiresDecisionsInItsSubpackagesOnly() {
    JavaFileObject packageInfo =
        JavaFileObjects.forSourceLines(
            "shop.api.package-info",
            "@RequireExplicitDecisions",
            "package shop.api;",
            "",
            "import dev.portcullis.RequireExplicitDecisions;");
    JavaFileObject inventory =
        JavaFileObjects.forSourceLines(
            "shop.api.v1.Inventory",
            "package shop.api.v1;",
            "",
            "import jakarta.ws.rs.GET;",
            "import jakarta.ws.rs.Path;",
            "",
            "@Path(\"/inventory\")",
            "public class Inventory {",
            "  @GET public String all() { return null; }",
            "}");
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new PortcullisProcessor())
            .compile(packageInfo, inventory, OPEN);
    assertThat(compilation)
        .hadErrorContaining(
            Message.EXPLICIT_DECISION_MISSING.format(
                "Inventory.all()", "@RequireExplicitDecisions on package shop.api"))
        .inFile(inventory)
        .onLineContaining("public String all()");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void annotationOnAnotherClassIsAnErrorAtTheAnnotation() {
    JavaFileObject misplaced =
        JavaFileObjects.forSourceLines(
            "shop.Settings",
            "package shop;",
            "",
            "import dev.portcullis.RequireExplicitDecisions;",
            "",
            "@RequireExplicitDecisions",
            "public class Settings {}");
    Compilation compilation =
        Compiler.javac().withProcessors(new PortcullisProcessor()).compile(misplaced);
    assertThat(compilation)
        .hadErrorContaining(Message.EXPLICIT_DECISIONS_MISPLACED.format("Settings"))
        .inFile(misplaced)
        .onLineContaining("@RequireExplicitDecisions");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void annotatedApplicationRequiresDecisionsEverywhere() {
    JavaFileObject application =
        JavaFileObjects.forSourceLines(
            "shop.boot.ShopApplication",
            "package shop.boot;",
            "",
            "import dev.portcullis.RequireExplicitDecisions;",
            "import jakarta.ws.rs.ApplicationPath;",
            "import jakarta.ws.rs.core.Application;",
            "",
            "@RequireExplicitDecisions",
            "@ApplicationPath(\"/api\")",
            "public class ShopApplication extends Application {}");
    Compilation compilation =
        Compiler.javac().withProcessors(new PortcullisProcessor()).compile(application, OPEN);
    assertThat(compilation)
        .hadErrorContaining(
            Message.EXPLICIT_DECISION_MISSING.format(
                "Open.get()", "@RequireExplicitDecisions on ShopApplication"))
        .inFile(OPEN)
        .onLineContaining("public String get()");
    assertThat(compilation).hadErrorCount(1);
  }
}
