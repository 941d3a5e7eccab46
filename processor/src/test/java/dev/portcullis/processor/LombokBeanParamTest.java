package dev.portcullis.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.portcullis.processor.base.Message;
import java.util.List;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A {@code @BeanParam} whose getters Lombok writes gets its client stub whichever of the two
 * processors javac runs first: the order of {@code annotationProcessorPaths} does not matter.
 * Getters nobody writes are still an error, once, after the last round.
 */
class LombokBeanParamTest {
  private static final JavaFileObject CLIENT =
      JavaFileObjects.forSourceLines(
          "shop.SearchClient",
          "package shop;",
          "",
          "import jakarta.ws.rs.BeanParam;",
          "import jakarta.ws.rs.GET;",
          "import jakarta.ws.rs.Path;",
          "",
          "@dev.portcullis.OAuthClient(name = \"search\")",
          "public interface SearchClient {",
          "  @GET @Path(\"/search\") String search(@BeanParam SearchQuery query);",
          "}");

  private static final JavaFileObject QUERY =
      JavaFileObjects.forSourceLines(
          "shop.SearchQuery",
          "package shop;",
          "",
          "import jakarta.ws.rs.HeaderParam;",
          "import jakarta.ws.rs.QueryParam;",
          "",
          "@lombok.Getter",
          "public class SearchQuery {",
          "  @QueryParam(\"q\") private String text;",
          "  @HeaderParam(\"X-Tenant\") private String tenant;",
          "}");

  @Test
  void lombokAfterPortcullis() {
    assertStubReadsTheGetters(List.of(new PortcullisProcessor(), lombok()));
  }

  @Test
  void lombokBeforePortcullis() {
    assertStubReadsTheGetters(List.of(lombok(), new PortcullisProcessor()));
  }

  @Test
  void gettersNobodyWritesAreReportedOnceAtTheMethod() {
    Compilation compilation =
        Compiler.javac().withProcessors(new PortcullisProcessor()).compile(CLIENT, QUERY);

    assertThat(compilation)
        .hadErrorContaining(
            Message.CLIENT_BEAN_PROPERTY_UNREADABLE.format(
                "Field text",
                "SearchQuery",
                "SearchClient.search(SearchQuery)",
                "QueryParam",
                "getText"))
        .inFile(CLIENT)
        .onLineContaining("String search(");
    assertThat(compilation)
        .hadErrorContaining(
            Message.CLIENT_BEAN_PROPERTY_UNREADABLE.format(
                "Field tenant",
                "SearchQuery",
                "SearchClient.search(SearchQuery)",
                "HeaderParam",
                "getTenant"))
        .inFile(CLIENT)
        .onLineContaining("String search(");
    assertThat(compilation).hadErrorCount(2);
  }

  /** Lombok's processor, the one its jar registers; its enclosing class is not public. */
  private static Processor lombok() {
    try {
      return (Processor)
          Class.forName("lombok.launch.AnnotationProcessorHider$AnnotationProcessor")
              .getConstructor()
              .newInstance();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static void assertStubReadsTheGetters(List<Processor> processors) {
    Compilation compilation = Compiler.javac().withProcessors(processors).compile(CLIENT, QUERY);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("shop.SearchClient_OAuthStub")
        .contentsAsUtf8String()
        .contains("query.getText()");
    assertThat(compilation)
        .generatedSourceFile("shop.SearchClient_OAuthStub")
        .contentsAsUtf8String()
        .contains("query.getTenant()");
  }
}
