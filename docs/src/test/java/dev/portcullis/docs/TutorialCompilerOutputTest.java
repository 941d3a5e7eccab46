package dev.portcullis.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.processor.PortcullisProcessor;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A quoted compiler error ({@code <!-- compiler-output: file old => new -->}) is what the
 * processor reports, at that line and column, when the file is compiled with the edit the page
 * describes, together with the rest of its module's sources and the module's processor options.
 */
class TutorialCompilerOutputTest {
  private static final Pattern EDIT = Pattern.compile("(\\S+) (.+) => (.+)");
  private static final Pattern ERROR_LINE = Pattern.compile("\\[ERROR\\] \\.\\.\\.(/\\S+):\\[(\\d+),(\\d+)\\] (.*)");

  @TempDir
  Path classes;

  @Test
  void quotedCompilerErrorsAreWhatTheProcessorReports() throws IOException {
    int checked = 0;
    for (Path page : Pages.all()) {
      for (Pages.Block block : Pages.blocks(page)) {
        if ("compiler-output".equals(block.kind())) {
          check(block);
          checked++;
        }
      }
    }
    assertTrue(checked >= 2, "the tutorial and the README quote a compiler error; found " + checked);
  }

  private void check(Pages.Block block) throws IOException {
    Matcher edit = EDIT.matcher(block.argument());
    assertTrue(edit.matches(), block.where() + ": write <!-- compiler-output: file old => new -->");
    Path edited = Pages.ROOT.resolve(edit.group(1));
    String module = edit.group(1).substring(0, edit.group(1).indexOf('/'));
    String original = Files.readString(edited);
    assertTrue(original.contains(edit.group(2)), block.where() + ": " + edit.group(1) + " no longer contains " + edit.group(2));

    List<String> expected = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> error : compile(module, edited, original.replace(edit.group(2), edit.group(3)))) {
      expected.add(error.getSource().getName() + ":[" + error.getLineNumber() + "," + error.getColumnNumber() + "] "
          + error.getMessage(Locale.ROOT));
    }
    List<String> quoted = new ArrayList<>();
    for (String line : block.body()) {
      Matcher error = ERROR_LINE.matcher(line);
      if (error.matches()) {
        String file = expected.stream().map(e -> e.substring(0, e.indexOf(":["))).filter(f -> f.endsWith(error.group(1)))
            .findFirst().orElse("..." + error.group(1));
        quoted.add(file + ":[" + error.group(2) + "," + error.group(3) + "] " + error.group(4));
      }
    }
    assertFalse(quoted.isEmpty(), block.where() + ": no line of the form [ERROR] .../File.java:[line,column] message");
    assertEquals(expected, quoted, block.where() + ": the quoted compiler errors are not what the processor reports");
  }

  /** Compiles the module's main sources, one of them edited, with the processor and the module's -A options. */
  private List<Diagnostic<? extends JavaFileObject>> compile(String module, Path edited, String editedText) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<JavaFileObject> sources = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Pages.ROOT.resolve(module).resolve("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String text = file.equals(edited) ? editedText : Files.readString(file);
        sources.add(new SimpleJavaFileObject(file.toUri(), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
          }
        });
      }
    }
    List<String> options = new ArrayList<>(List.of("-d", classes.toString(),
        "-classpath", System.getProperty("java.class.path")));
    Matcher processorOption = Pattern.compile("<arg>(-A[^<]+)</arg>").matcher(Files.readString(Pages.ROOT.resolve(module).resolve("pom.xml")));
    while (processorOption.find()) {
      options.add(processorOption.group(1));
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    JavaCompiler.CompilationTask task = javac.getTask(new StringWriter(), null, diagnostics, options, null, sources);
    task.setProcessors(List.of(new PortcullisProcessor()));
    task.call();
    return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
  }
}
