package dev.portcullis.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A resource class that uses a type another processor generates is bound in the round after
 * the type exists, as with auto-common's deferred elements.
 */
class DeferralTest {
  private static final JavaFileObject RESOURCE =
      JavaFileObjects.forSourceLines(
          "shop.DtoResource",
          "package shop;",
          "",
          "@jakarta.ws.rs.Path(\"/dto\")",
          "@dev.portcullis.RequiresScope(\"dto:write\")",
          "public class DtoResource {",
          "  @jakarta.ws.rs.POST public String post(OrderDto dto) { return null; }",
          "}");

  @Test
  void resourceClassUsingAGeneratedTypeIsBoundOnceTheTypeExists() {
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new PortcullisProcessor(), new OrderDtoGenerator())
            .compile(RESOURCE);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("shop.DtoResource_ScopeBinding")
        .contentsAsUtf8String()
        .contains(
            "MethodBinding.of(\"post\", ScopeRequirement.scopes(ScopeMatch.ALL, \"dto:write\"),"
                + " OrderDto.class)");
  }

  /** Stands in for any processor that generates types the resource class uses. */
  private static final class OrderDtoGenerator extends AbstractProcessor {
    private boolean generated;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!generated) {
        generated = true;
        try (Writer writer =
            processingEnv.getFiler().createSourceFile("shop.OrderDto").openWriter()) {
          writer.write("package shop;\n\npublic class OrderDto {}\n");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }
}
