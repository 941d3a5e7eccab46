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
 * Scope coverage also holds when the API interface comes from a jar: its requirements are read
 * from class files, and the error still points at the client's own {@code scopes}.
 */
class ClientClassFileCoverageTest {
  private static final JavaFileObject READER =
      JavaFileObjects.forSourceLines(
          "client.ReaderClient",
          "package client;",
          "import dev.portcullis.OAuthClient;",
          "@OAuthClient(name = \"reader\",",
          "    scopes = \"orders:read\")",
          "public interface ReaderClient extends shop.OrdersApi {}");

  private static final JavaFileObject WRITER =
      JavaFileObjects.forSourceLines(
          "client.WriterClient",
          "package client;",
          "import dev.portcullis.OAuthClient;",
          "@OAuthClient(name = \"writer\", scopes = {\"orders:read\", \"orders:write\"})",
          "public interface WriterClient extends shop.OrdersApi {}");

  @Test
  void requirementsFromClassFilesAreEnforced(@TempDir Path apiJar) throws IOException {
    Compilation api = Compiler.javac().compile(TestSources.ORDER, TestSources.ORDERS_API);
    assertThat(api).succeeded();
    List<File> classpath = ClassPaths.withClassesOf(api, apiJar);

    Compilation clients =
        Compiler.javac()
            .withProcessors(new PortcullisProcessor())
            .withClasspath(classpath)
            .compile(READER);

    assertThat(clients)
        .hadErrorContaining(
            Message.CLIENT_SCOPES_MISSING.format(
                "ReaderClient",
                "OrdersApi.create(Order)",
                "@RequiresScope(\"orders:write\")",
                "\"orders:write\"",
                "\"orders:write\""))
        .inFile(READER)
        .onLineContaining("scopes = \"orders:read\"");
    assertThat(clients).hadErrorCount(1);

    Compilation writer =
        Compiler.javac()
            .withProcessors(new PortcullisProcessor())
            .withClasspath(classpath)
            .compile(WRITER);
    assertThat(writer).succeededWithoutWarnings();
    assertThat(writer).generatedSourceFile("client.WriterClient_OAuthStub");
  }
}
