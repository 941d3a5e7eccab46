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
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** The generated bindings and services file match the reviewed golden files, byte for byte. */
class BindingGenerationTest {
  private static final String SERVICES_FILE = "META-INF/services/dev.portcullis.spi.ScopeBinding";

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
    assertThat(COMPILATION)
        .generatedSourceFile("shop.OrdersResource_ScopeBinding")
        .hasSourceEquivalentTo(TestSources.golden("OrdersResource_ScopeBinding"));
  }

  @Test
  void requirementsInheritedFromAnApiInterfaceProtectTheImplementingMethods() {
    assertThat(COMPILATION)
        .generatedSourceFile("shop.OrdersApiResource_ScopeBinding")
        .hasSourceEquivalentTo(TestSources.golden("OrdersApiResource_ScopeBinding"));
  }

  @Test
  void staticNestedResourceClassGetsOuterInnerBinding() {
    assertThat(COMPILATION)
        .generatedSourceFile("shop.Admin_Users_ScopeBinding")
        .hasSourceEquivalentTo(TestSources.golden("Admin_Users_ScopeBinding"));
  }

  @Test
  void generatedSourcesAreTheGoldenFilesByteForByte() throws IOException {
    for (String binding :
        new String[] {
          "OrdersResource_ScopeBinding", "OrdersApiResource_ScopeBinding", "Admin_Users_ScopeBinding"
        }) {
      String golden =
          TestSources.golden(binding).getCharContent(true).toString();
      assertThat(COMPILATION)
          .generatedSourceFile("shop." + binding)
          .contentsAsUtf8String()
          .isEqualTo(golden);
    }
  }

  @Test
  void servicesFileListsEveryBindingSorted() {
    assertThat(COMPILATION)
        .generatedFile(StandardLocation.CLASS_OUTPUT, SERVICES_FILE)
        .contentsAsUtf8String()
        .isEqualTo(
            "shop.Admin_Users_ScopeBinding\n"
                + "shop.OrdersApiResource_ScopeBinding\n"
                + "shop.OrdersResource_ScopeBinding\n");
  }

  @Test
  void compilingTwiceProducesIdenticalBytes() throws IOException {
    Map<String, byte[]> first = generatedResources(COMPILATION);
    Map<String, byte[]> second = generatedResources(compileExamples());
    assertThat(first.keySet()).hasSize(4);
    assertThat(second.keySet()).isEqualTo(first.keySet());
    for (String name : first.keySet()) {
      assertWithMessage(name).that(second.get(name)).isEqualTo(first.get(name));
    }
  }

  @Test
  void resourceClassWithoutRequirementsGetsNoBindingAndNoServicesFile() {
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
    assertThat(compilation.generatedSourceFiles()).isEmpty();
    assertThat(
            compilation.generatedFiles().stream().map(JavaFileObject::getName).toList())
        .doesNotContain("/CLASS_OUTPUT/" + SERVICES_FILE);
  }

  /** Generated sources and the services file, by name; class files are javac's business. */
  private static Map<String, byte[]> generatedResources(Compilation compilation)
      throws IOException {
    Map<String, byte[]> resources = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getName().startsWith("/SOURCE_OUTPUT/") || file.getName().endsWith(SERVICES_FILE)) {
        try (InputStream in = file.openInputStream()) {
          resources.put(file.getName(), in.readAllBytes());
        }
      }
    }
    return resources;
  }
}
