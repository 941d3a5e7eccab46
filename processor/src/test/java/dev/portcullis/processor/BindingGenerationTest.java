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

/** The written bindings match the reviewed golden files, byte for byte, every time. */
class BindingGenerationTest {
  private static final Compilation COMPILATION = compileExamples();

  private static Compilation compileExamples() {
    return Compiler.javac()
        .withProcessors(new PortcullisProcessor())
        .compile(
            TestSources.ORDER,
            TestSources.ORDERS_RESOURCE,
            TestSources.ORDERS_API,
            TestSources.ORDERS_API_RESOURCE,
            TestSources.ADMIN);
  }

  @Test
  void examplesCompileWithoutWarnings() {
    assertThat(COMPILATION).succeededWithoutWarnings();
  }

  @Test
  void classRequirementIsReplacedByMethodRequirementsIncludingPublicTokenAndAnyMatch() {
    assertThat(GeneratedBindings.json(COMPILATION, "shop.OrdersResource"))
        .isEqualTo(TestSources.goldenBinding("shop.OrdersResource"));
  }

  @Test
  void requirementsInheritedFromAnApiInterfaceProtectTheImplementingMethods() {
    assertThat(GeneratedBindings.json(COMPILATION, "shop.OrdersApiResource"))
        .isEqualTo(TestSources.goldenBinding("shop.OrdersApiResource"));
  }

  @Test
  void staticNestedResourceClassGetsOuterInnerBinding() {
    assertThat(GeneratedBindings.json(COMPILATION, "shop.Admin$Users"))
        .isEqualTo(TestSources.goldenBinding("shop.Admin$Users"));
  }

  @Test
  void bindingsAreResourcesNotSourcesSoJavacCompilesNothingExtra() {
    assertThat(COMPILATION.generatedSourceFiles()).isEmpty();
  }

  @Test
  void compilingTwiceProducesIdenticalBytes() throws IOException {
    Map<String, byte[]> first = generatedResources(COMPILATION);
    Map<String, byte[]> second = generatedResources(compileExamples());
    assertThat(first.keySet()).hasSize(3);
    assertThat(second.keySet()).isEqualTo(first.keySet());
    for (String name : first.keySet()) {
      assertWithMessage(name).that(second.get(name)).isEqualTo(first.get(name));
    }
  }

  @Test
  void resourceClassWithoutRequirementsGetsNoBinding() {
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
    assertThat(
            compilation.generatedFiles().stream()
                .map(JavaFileObject::getName)
                .filter(name -> name.contains("/bindings/"))
                .toList())
        .isEmpty();
  }

  /** The bindings, by name; class files are javac's business. */
  private static Map<String, byte[]> generatedResources(Compilation compilation)
      throws IOException {
    Map<String, byte[]> resources = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getName().contains("/META-INF/portcullis/bindings/")) {
        try (InputStream in = file.openInputStream()) {
          resources.put(file.getName(), in.readAllBytes());
        }
      }
    }
    return resources;
  }
}
