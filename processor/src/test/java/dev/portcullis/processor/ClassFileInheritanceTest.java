package dev.portcullis.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.common.truth.Truth;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An API interface published in its own jar still protects the resource classes that
 * implement it: its annotations have runtime retention, so the processor reads them from
 * class files.
 */
class ClassFileInheritanceTest {

  @Test
  void interfaceCompiledEarlierProtectsTheImplementingResourceClass(@TempDir Path apiJar)
      throws IOException {
    Compilation api =
        Compiler.javac().compile(TestSources.ORDER, TestSources.ORDERS_API);
    assertThat(api).succeeded();
    List<File> classpath = ClassPaths.withClassesOf(api, apiJar);
    Compilation resource =
        Compiler.javac()
            .withProcessors(new PortcullisProcessor())
            .withClasspath(classpath)
            .compile(TestSources.ORDERS_API_RESOURCE);

    assertThat(resource).succeededWithoutWarnings();
    Truth.assertThat(FilterRules.source(resource, "shop.OrdersApiResource"))
        .isEqualTo(TestSources.goldenFilter("shop.OrdersApiResource"));
  }
}
