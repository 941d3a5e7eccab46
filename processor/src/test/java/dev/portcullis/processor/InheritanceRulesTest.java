package dev.portcullis.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.common.truth.Truth;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Which annotation wins: the method's own, then the nearest overridden method's, then the
 * resource class's, then the nearest supertype's; and what counts as a resource method.
 */
class InheritanceRulesTest {
  private static final JavaFileObject SOURCE =
      JavaFileObjects.forSourceLines(
          "shop.Inheritance",
          "package shop;",
          "",
          "import dev.portcullis.RequiresScope;",
          "import dev.portcullis.RequiresToken;",
          "import jakarta.ws.rs.GET;",
          "import jakarta.ws.rs.HttpMethod;",
          "import jakarta.ws.rs.Path;",
          "import jakarta.ws.rs.QueryParam;",
          "import java.lang.annotation.Retention;",
          "import java.lang.annotation.RetentionPolicy;",
          "",
          "@Retention(RetentionPolicy.RUNTIME) @HttpMethod(\"PURGE\") @interface PURGE {}",
          "",
          "@RequiresScope(\"api:type\")",
          "interface CatalogApi {",
          "  @GET @Path(\"item\") @RequiresScope(\"api:method\") String item(@QueryParam(\"id\") long id);",
          "  @GET @Path(\"all\") String all();",
          "}",
          "",
          "@RequiresScope(\"base:type\")",
          "abstract class BaseCatalog implements CatalogApi {",
          "  @Override @RequiresScope(\"base:method\") public String item(long id) { return null; }",
          "  @GET @Path(\"count\") public int count() { return 0; }",
          "  @GET @Path(\"find\") public <T extends Number> String find(@QueryParam(\"n\") T n) {",
          "    return null;",
          "  }",
          "}",
          "",
          "@Path(\"/catalog\")",
          "public class Inheritance extends BaseCatalog {",
          "  @Override public String item(long id) { return null; }",
          "  @Override public String all() { return null; }",
          "  @PURGE @Path(\"cache\") public void purge() {}",
          "  @Override @Path(\"count\") public int count() { return 1; }",
          "}",
          "",
          "@Path(\"/tokened\") @RequiresToken",
          "class TokenedCatalog extends BaseCatalog {",
          "  @Override public String all() { return null; }",
          "}");

  private static final Compilation COMPILATION =
      Compiler.javac().withProcessors(new PortcullisProcessor()).compile(SOURCE);

  @Test
  void nearestOverriddenMethodWinsOverItsInterface() {
    Truth.assertThat(FilterRules.lines(COMPILATION, "shop.Inheritance"))
        .contains("item(long) scopes ALL base:method");
  }

  @Test
  void methodInheritedFromAnInterfaceTakesTheInterfaceTypeRequirementWhenNoClassHasOne() {
    Truth.assertThat(FilterRules.lines(COMPILATION, "shop.Inheritance"))
        .contains("all() scopes ALL base:type");
  }

  @Test
  void genericParameterIsBoundByItsErasure() {
    Truth.assertThat(FilterRules.lines(COMPILATION, "shop.Inheritance"))
        .contains("find(java.lang.Number) scopes ALL base:type");
  }

  @Test
  void ownJaxRsAnnotationsHideInheritedOnesSoAPathOnlyOverrideIsNotBound() {
    Truth.assertThat(
            FilterRules.lines(COMPILATION, "shop.Inheritance").stream()
                .filter(line -> line.startsWith("count("))
                .toList())
        .isEmpty();
  }

  @Test
  void customHttpMethodWithoutAnyRequirementIsLeftAlone() {
    Truth.assertThat(
            FilterRules.lines(COMPILATION, "shop.Inheritance").stream()
                .filter(line -> line.startsWith("purge("))
                .toList())
        .isEmpty();
  }

  @Test
  void resourceClassRequirementWinsOverSupertypeRequirementButNotOverMethodRequirement() {
    Truth.assertThat(FilterRules.lines(COMPILATION, "shop.TokenedCatalog"))
        .containsExactly(
            "all() token",
            "count() token",
            "find(java.lang.Number) token",
            "item(long) scopes ALL base:method")
        .inOrder();
  }

  @Test
  void jaxRsAnnotationsOfTheWholeSuperclassChainComeBeforeThoseOfInterfaces() {
    JavaFileObject chain =
        JavaFileObjects.forSourceLines(
            "shop.Chain",
            "package shop;",
            "",
            "import jakarta.ws.rs.GET;",
            "import jakarta.ws.rs.Path;",
            "",
            "interface Locating { @Path(\"sub\") Object item(); }",
            "abstract class Top { @GET public Object item() { return null; } }",
            "abstract class Middle extends Top { @Override public Object item() { return null; } }",
            "",
            "@Path(\"/chain\") @dev.portcullis.RequiresScope(\"chain\")",
            "public class Chain extends Middle implements Locating {",
            "  @Override public Object item() { return null; }",
            "}");
    Compilation compilation =
        Compiler.javac().withProcessors(new PortcullisProcessor()).compile(chain);
    assertThat(compilation).succeededWithoutWarnings();
    Truth.assertThat(FilterRules.lines(compilation, "shop.Chain"))
        .containsExactly("item() scopes ALL chain");
  }

  @Test
  void customHttpMethodAnnotationMakesAResourceMethod() {
    JavaFileObject purge =
        JavaFileObjects.forSourceLines(
            "shop.Cache",
            "package shop;",
            "",
            "@jakarta.ws.rs.Path(\"/cache\")",
            "public class Cache {",
            "  @PURGE @dev.portcullis.RequiresScope(\"cache:purge\") public void purge() {}",
            "}");
    Compilation compilation =
        Compiler.javac().withProcessors(new PortcullisProcessor()).compile(SOURCE, purge);
    assertThat(compilation).succeededWithoutWarnings();
    Truth.assertThat(FilterRules.lines(compilation, "shop.Cache"))
        .containsExactly("purge() scopes ALL cache:purge");
  }

  @Test
  void interfaceMethodImplementedByAnInheritedSuperclassMethodIsBoundOnceWithTheSuperclassRule() {
    JavaFileObject source =
        JavaFileObjects.forSourceLines(
            "shop.Derived",
            "package shop;",
            "",
            "import dev.portcullis.RequiresScope;",
            "import jakarta.ws.rs.GET;",
            "import jakarta.ws.rs.Path;",
            "",
            "interface Api { @GET @RequiresScope(\"i\") String m(); }",
            "class Base { @GET @RequiresScope(\"b\") public String m() { return null; } }",
            "",
            "@Path(\"/derived\")",
            "public class Derived extends Base implements Api {}");
    Compilation compilation =
        Compiler.javac().withProcessors(new PortcullisProcessor()).compile(source);
    assertThat(compilation).succeeded();
    Truth.assertThat(FilterRules.lines(compilation, "shop.Derived")).containsExactly("m() scopes ALL b");
  }
}
