package dev.portcullis.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.common.truth.Truth;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
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
    Truth.assertThat(FilterRules.lines(compilation, "shop.DtoResource"))
        .containsExactly("post(shop.OrderDto) scopes ALL dto:write");
  }
}
