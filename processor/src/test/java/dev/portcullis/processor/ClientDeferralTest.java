package dev.portcullis.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.portcullis.processor.base.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A client interface that uses a type another processor generates gets its stub in the round
 * after the type exists; one that uses a type nobody generates fails with a sentence saying so.
 */
class ClientDeferralTest {
  private static final JavaFileObject CLIENT =
      JavaFileObjects.forSourceLines(
          "shop.DtoClient",
          "package shop;",
          "",
          "@dev.portcullis.OAuthClient(name = \"dto\")",
          "public interface DtoClient {",
          "  @jakarta.ws.rs.GET OrderDto get();",
          "}");

  private static final JavaFileObject MISSING =
      JavaFileObjects.forSourceLines(
          "shop.MissingClient",
          "package shop;",
          "",
          "@dev.portcullis.OAuthClient(name = \"missing\")",
          "public interface MissingClient {",
          "  @jakarta.ws.rs.GET NoSuchDto get();",
          "}");

  @Test
  void stubIsGeneratedOnceTheTypeExists() {
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new PortcullisProcessor(), new OrderDtoGenerator())
            .compile(CLIENT);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("shop.DtoClient_OAuthStub")
        .contentsAsUtf8String()
        .contains(".invoke(OrderDto.class)");
  }

  @Test
  void typeThatNeverExistsIsReportedOnTheClient() {
    Compilation compilation =
        Compiler.javac().withProcessors(new PortcullisProcessor()).compile(MISSING);

    assertThat(compilation)
        .hadErrorContaining(Message.CLIENT_UNRESOLVED_TYPES.format("shop.MissingClient"))
        .inFile(MISSING)
        .onLineContaining("public interface MissingClient");
  }
}
