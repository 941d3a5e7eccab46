package dev.portcullis.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The generated filters match the reviewed golden files, byte for byte, every time. */
class FilterGenerationTest {
  private static final Compilation COMPILATION = compileExamples();

  private static Compilation compileExamples() {
    return Compiler.javac()
        .withProcessors(new PortcullisProcessor())
        .compile(
            TestSources.ORDER,
            TestSources.ORDERS_RESOURCE,
            TestSources.ORDERS_API,
            TestSources.ORDERS_API_RESOURCE,
            TestSources.ADMIN,
            TestSources.source("shop/ItemsResource.java"),
            TestSources.source("shop/OrderItemsResource.java"),
            TestSources.source("shop/AccountResource.java"));
  }

  @Test
  void examplesCompileWithoutWarnings() {
    assertThat(COMPILATION).succeededWithoutWarnings();
  }

  @Test
  void plainClassRequirementIsReplacedByMethodRequirementsIncludingPublicTokenAndAnyMatch() {
    assertThat(FilterRules.source(COMPILATION, "shop.OrdersResource"))
        .isEqualTo(TestSources.goldenFilter("shop.OrdersResource"));
  }

  @Test
  void requirementsInheritedFromAnApiInterfaceProtectTheImplementingMethods() {
    assertThat(FilterRules.source(COMPILATION, "shop.OrdersApiResource"))
        .isEqualTo(TestSources.goldenFilter("shop.OrdersApiResource"));
  }

  @Test
  void staticNestedResourceClassGetsOuterInnerFilter() {
    assertThat(FilterRules.source(COMPILATION, "shop.Admin$Users"))
        .isEqualTo(TestSources.goldenFilter("shop.Admin$Users"));
  }

  @Test
  void genericClassIsNamedRawAndBindsErasedParameters() {
    assertThat(FilterRules.source(COMPILATION, "shop.ItemsResource"))
        .isEqualTo(TestSources.goldenFilter("shop.ItemsResource"));
  }

  @Test
  void inheritedGenericMethodIsBoundByItsDeclarationAndCheckedWithTheMemberType() {
    assertThat(FilterRules.source(COMPILATION, "shop.OrderItemsResource"))
        .isEqualTo(TestSources.goldenFilter("shop.OrderItemsResource"));
    assertThat(FilterRules.lines(COMPILATION, "shop.OrderItemsResource"))
        .containsExactly(
            "add(java.lang.Object) scopes ALL items:write items:admin",
            "list() scopes ALL items:read",
            "page(int, boolean) token")
        .inOrder();
  }

  @Test
  void stepUpIsPartOfEachRuleAndTheFilterAppliesItAfterTheScopes() {
    assertThat(FilterRules.source(COMPILATION, "shop.AccountResource"))
        .isEqualTo(TestSources.goldenFilter("shop.AccountResource"));
  }

  @Test
  void compilingTwiceProducesIdenticalBytes() throws IOException {
    Map<String, byte[]> first = generatedFilters(COMPILATION);
    Map<String, byte[]> second = generatedFilters(compileExamples());
    assertThat(first.keySet()).hasSize(6);
    assertThat(second.keySet()).isEqualTo(first.keySet());
    for (String name : first.keySet()) {
      assertWithMessage(name).that(second.get(name)).isEqualTo(first.get(name));
    }
  }

  @Test
  void renamingABoundMethodWithoutRegeneratingTheFilterIsACompileErrorInTheFilter() {
    String stale = FilterRules.source(COMPILATION, "shop.Admin$Users");
    JavaFileObject renamed =
        JavaFileObjects.forSourceLines(
            "shop.Admin",
            "package shop;",
            "public final class Admin {",
            "  public static class Users {",
            "    public String all() { return \"[]\"; }",
            "    public String get(String[] names) { return \"{}\"; }",
            "  }",
            "}");
    Compilation compilation =
        Compiler.javac()
            .compile(renamed, JavaFileObjects.forSourceString("shop.Admin_Users_PortcullisFilter", stale));
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("list()");
    assertThat(compilation).hadErrorContaining("").inFile(JavaFileObjects.forSourceString(
        "shop.Admin_Users_PortcullisFilter", stale)).onLineContaining("resource.list()");
  }

  @Test
  void resourceClassWithoutRequirementsGetsNoFilter() {
    JavaFileObject plain =
        JavaFileObjects.forSourceLines(
            "shop.Plain",
            "package shop;",
            "",
            "@jakarta.ws.rs.Path(\"/plain\")",
            "public class Plain {",
            "  @jakarta.ws.rs.GET public String get() { return null; }",
            "}");
    Compilation compilation =
        Compiler.javac().withProcessors(new PortcullisProcessor()).compile(plain);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(FilterRules.exists(compilation, "shop.Plain")).isFalse();
  }

  /** The generated filters, by name. */
  private static Map<String, byte[]> generatedFilters(Compilation compilation)
      throws IOException {
    Map<String, byte[]> sources = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      if (file.getName().endsWith("_PortcullisFilter.java")) {
        try (InputStream in = file.openInputStream()) {
          sources.put(file.getName(), in.readAllBytes());
        }
      }
    }
    return sources;
  }
}
