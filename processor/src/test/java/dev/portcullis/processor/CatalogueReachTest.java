package dev.portcullis.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.portcullis.processor.base.Message;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the catalogue check reaches: class-level and API interface annotations, each value of
 * a list, and catalogues in jars found through the constants a compilation uses. What counts
 * as used: implied and client-requested scopes; a catalogue compiled alone warns about nothing.
 */
class CatalogueReachTest {
  private static final JavaFileObject API =
      JavaFileObjects.forSourceLines(
          "shop.ReturnsApi",
          "package shop;",
          "",
          "import dev.portcullis.RequiresScope;",
          "import jakarta.ws.rs.GET;",
          "import jakarta.ws.rs.Path;",
          "",
          "@Path(\"/returns\")",
          "public interface ReturnsApi {",
          "  @GET @RequiresScope(\"returns:raed\") String list();",
          "}");

  private static final JavaFileObject RESOURCE =
      JavaFileObjects.forSourceLines(
          "shop.Returns",
          "package shop;",
          "",
          "import dev.portcullis.RequiresScope;",
          "import dev.portcullis.ScopeMatch;",
          "import jakarta.ws.rs.GET;",
          "import jakarta.ws.rs.Path;",
          "",
          "@Path(\"/returns\")",
          "@RequiresScope(\"orders:wirte\")",
          "public class Returns implements ReturnsApi {",
          "  @Override public String list() { return null; }",
          "",
          "  @GET @Path(\"either\")",
          "  @RequiresScope(value = {\"orders:reed\",",
          "      \"orders:admn\"}, match = ScopeMatch.ANY)",
          "  public String either() { return null; }",
          "",
          "  @GET @Path(\"fine\") @RequiresScope(ShopScopes.READ)",
          "  public String fine() { return null; }",
          "",
          "  @GET @Path(\"classwide\") public String classWide() { return null; }",
          "}");

  private static final JavaFileObject CLIENT =
      JavaFileObjects.forSourceLines(
          "shop.ExportClient",
          "package shop;",
          "",
          "import dev.portcullis.OAuthClient;",
          "",
          "@OAuthClient(name = \"export\", scopes = ShopScopes.EXPORT)",
          "public interface ExportClient {}");

  private static final JavaFileObject SCOPES =
      JavaFileObjects.forSourceLines(
          "shop.ShopScopes",
          "package shop;",
          "",
          "import dev.portcullis.ScopeCatalogue;",
          "import dev.portcullis.ScopeDescription;",
          "",
          "@ScopeCatalogue",
          "public interface ShopScopes {",
          "  @ScopeDescription(\"Read.\") String READ = \"orders:read\";",
          "  @ScopeDescription(value = \"Write.\", implies = READ)",
          "  String WRITE = \"orders:write\";",
          "  @ScopeDescription(value = \"Admin.\", implies = WRITE)",
          "  String ADMIN = \"orders:admin\";",
          "  @ScopeDescription(\"Returns.\") String RETURNS = \"returns:read\";",
          "  @ScopeDescription(\"Export.\") String EXPORT = \"orders:export\";",
          "}");

  private static final Compilation COMPILATION =
      Compiler.javac()
          .withProcessors(new PortcullisProcessor())
          .compile(API, RESOURCE, CLIENT, SCOPES);

  @Test
  void unknownScopeOnTheResourceClassIsReportedAtTheClassAnnotation() {
    assertThat(COMPILATION)
        .hadErrorContaining(
            Message.SCOPE_UNKNOWN_DID_YOU_MEAN.format("orders:wirte", "Returns", "orders:write"))
        .inFile(RESOURCE)
        .onLineContaining("@RequiresScope(\"orders:wirte\")");
  }

  @Test
  void unknownScopeOnAnApiInterfaceMethodIsReportedThere() {
    assertThat(COMPILATION)
        .hadErrorContaining(
            Message.SCOPE_UNKNOWN_DID_YOU_MEAN.format(
                "returns:raed", "ReturnsApi.list()", "returns:read"))
        .inFile(API)
        .onLineContaining("\"returns:raed\"");
  }

  @Test
  void eachUnknownScopeOfAListIsReportedAtItsOwnValue() {
    assertThat(COMPILATION)
        .hadErrorContaining(
            Message.SCOPE_UNKNOWN_DID_YOU_MEAN.format(
                "orders:reed", "Returns.either()", "orders:read"))
        .inFile(RESOURCE)
        .onLineContaining("{\"orders:reed\",");
    assertThat(COMPILATION)
        .hadErrorContaining(
            Message.SCOPE_UNKNOWN_DID_YOU_MEAN.format(
                "orders:admn", "Returns.either()", "orders:admin"))
        .inFile(RESOURCE)
        .onLineContaining("\"orders:admn\"}");
  }

  @Test
  void impliedAndClientRequestedScopesCountAsUsed() {
    // orders:admin and orders:write only imply a required scope; orders:export is only
    // requested by a client: none of them is warned about.
    assertThat(COMPILATION).hadErrorCount(4);
    assertThat(COMPILATION).hadWarningCount(1);
    assertThat(COMPILATION)
        .hadWarningContaining(
            Message.CATALOGUE_SCOPE_UNUSED.format(
                "returns:read", "ShopScopes.RETURNS"))
        .inFile(SCOPES)
        .onLineContaining("String RETURNS");
  }

  @Test
  void catalogueCompiledAloneWarnsAboutNothing() {
    Compilation alone =
        Compiler.javac().withProcessors(new PortcullisProcessor()).compile(SCOPES);
    assertThat(alone).succeededWithoutWarnings();
  }

  @Test
  void catalogueInAJarIsFoundThroughAConstantTheCompilationUses(@TempDir Path classes)
      throws IOException {
    Compilation catalogue = Compiler.javac().compile(SCOPES);
    assertThat(catalogue).succeeded();
    List<File> classpath = ClassPaths.withClassesOf(catalogue, classes);
    JavaFileObject elsewhere =
        JavaFileObjects.forSourceLines(
            "web.Reports",
            "package web;",
            "",
            "import dev.portcullis.RequiresScope;",
            "import jakarta.ws.rs.GET;",
            "import jakarta.ws.rs.Path;",
            "import shop.ShopScopes;",
            "",
            "@Path(\"/reports\")",
            "public class Reports {",
            "  @GET @RequiresScope(ShopScopes.EXPORT)",
            "  public String export() { return null; }",
            "",
            "  @GET @Path(\"x\") @RequiresScope(\"orders:exprot\")",
            "  public String typo() { return null; }",
            "}");
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new PortcullisProcessor())
            .withClasspath(classpath)
            .compile(elsewhere);
    assertThat(compilation)
        .hadErrorContaining(
            Message.SCOPE_UNKNOWN_DID_YOU_MEAN.format(
                "orders:exprot", "Reports.typo()", "orders:export"))
        .inFile(elsewhere)
        .onLineContaining("\"orders:exprot\"");
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadWarningCount(0);
  }
}
