package dev.portcullis.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The generated clients match the reviewed golden files under {@code goldens/stubs}, byte for
 * byte: the sample application's clients as it compiles them, and clients whose methods take
 * {@code @BeanParam}s or return {@code CompletionStage}s.
 */
class StubGoldenTest {
  private static final Path SAMPLE = Path.of("../sample-app/src/main/java/dev/portcullis/sample");

  private static final Compilation SAMPLE_CLIENTS =
      Compiler.javac()
          .withProcessors(new PortcullisProcessor())
          .compile(
              sample("OrdersScopes.java"),
              sample("Order.java"),
              sample("NewOrder.java"),
              sample("OrdersReadApi.java"),
              sample("OrdersWriteApi.java"),
              sample("OrdersReader.java"),
              sample("OrdersWriter.java"));

  private static final Compilation NOTES =
      Compiler.javac()
          .withProcessors(new PortcullisProcessor())
          .compile(
              TestSources.source("stubs/Note.java"),
              TestSources.source("stubs/Filter.java"),
              TestSources.source("stubs/Page.java"),
              TestSources.source("stubs/NotesClient.java"));

  @Test
  void sampleClientsCompileWithoutWarnings() {
    assertThat(SAMPLE_CLIENTS).succeededWithoutWarnings();
  }

  @Test
  void sampleReaderCallsOnlyTheReadApi() {
    assertThat(stub(SAMPLE_CLIENTS, "dev.portcullis.sample.OrdersReader"))
        .isEqualTo(TestSources.goldenStub("OrdersReader"));
  }

  @Test
  void sampleWriterCallsBothApisItExtends() {
    assertThat(stub(SAMPLE_CLIENTS, "dev.portcullis.sample.OrdersWriter"))
        .isEqualTo(TestSources.goldenStub("OrdersWriter"));
  }

  @Test
  void beanParametersAndAsynchronousResultsCompileWithoutWarnings() {
    assertThat(NOTES).succeededWithoutWarnings();
  }

  @Test
  void beanParametersAreReadThroughFieldsAndGettersAndAsynchronousResultsUseInvokeAsync() {
    assertThat(stub(NOTES, "stubs.NotesClient")).isEqualTo(TestSources.goldenStub("NotesClient"));
  }

  private static JavaFileObject sample(String file) {
    try {
      return JavaFileObjects.forResource(SAMPLE.resolve(file).toUri().toURL());
    } catch (MalformedURLException e) {
      throw new AssertionError(e);
    }
  }

  /** The generated source of the stub of the interface {@code qualifiedName}. */
  private static String stub(Compilation compilation, String qualifiedName) {
    JavaFileObject file =
        compilation
            .generatedSourceFile(qualifiedName + "_OAuthStub")
            .orElseThrow(
                () ->
                    new AssertionError(
                        "No stub was generated for "
                            + qualifiedName
                            + "; generated: "
                            + compilation.generatedSourceFiles()));
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
