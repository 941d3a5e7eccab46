package dev.portcullis.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The processor's cost in a warm compiler: the project of {@code benchmarks/run.sh}'s javac
 * section (generated resource classes) compiled again and again by {@code javax.tools} in one
 * JVM, as Maven's compiler plugin does in-process for every module of a build and Gradle's
 * daemon does across builds, three ways: with {@code -proc:none}, with the processor that does
 * nothing ({@code NoOpProcessor}, javac's own cost of running any processor) and with the
 * Portcullis processor.
 *
 * <p>Each compilation gets a new file manager and the processors come from {@code
 * -processorpath}, so javac loads the processor's classes anew every time, as Maven's plugin
 * has it do; javac's own classes stay loaded and compiled by the JIT. The setup compiles once
 * and checks the result: the Portcullis compilation must compile one generated filter ({@code
 * <Resource>_PortcullisFilter}) per resource class, the others none.
 *
 * <p>Two forks: with the processor, the figure moves by up to a third from one fork to the next,
 * more than within a fork.
 *
 * <p>Run by {@code benchmarks/run.sh}, which passes the generated project and the jars: {@code
 * -p project=<dir with sources.txt and noop/> -p jars=<dir with the runtime, processor,
 * JavaPoet and JAX-RS jars>}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(2)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class InProcessJavacBenchmark {
  private static final String FILTER_SUFFIX = "_PortcullisFilter.class";

  /** {@code none} ({@code -proc:none}), {@code noop} or {@code portcullis}. */
  @Param({"none", "noop", "portcullis"})
  public String processor;

  /** The generated project: {@code sources.txt} (one source file a line) and {@code noop/}. */
  @Param("")
  public String project;

  /** The directory with the jars the javac benchmark uses, named without versions. */
  @Param("")
  public String jars;

  private JavaCompiler javac;
  private List<File> sources;
  private Path out;
  private List<String> options;

  @Setup(Level.Trial)
  public void prepare() throws IOException {
    if (project.isBlank() || jars.isBlank()) {
      throw new IllegalStateException(
          "Pass -p project=<generated project> -p jars=<jar directory>; benchmarks/run.sh does.");
    }
    javac = ToolProvider.getSystemJavaCompiler();
    sources = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(project, "sources.txt"))) {
      if (!line.isBlank()) {
        sources.add(new File(line.strip()));
      }
    }
    out = Files.createTempDirectory("portcullis-javac-benchmark");
    String classPath = jar("portcullis-runtime") + File.pathSeparator + jar("jakarta.ws.rs-api");
    options = new ArrayList<>(List.of("-d", out.toString(), "-cp", classPath));
    switch (processor) {
      case "none" -> options.add("-proc:none");
      case "noop" -> options.addAll(
          List.of("-processorpath", Path.of(project, "noop").toString(),
              "-processor", "NoOpProcessor"));
      case "portcullis" -> options.addAll(
          List.of("-processorpath",
              jar("portcullis-processor") + File.pathSeparator + jar("javapoet")));
      default -> throw new IllegalArgumentException("Unknown processor " + processor);
    }
    clean();
    compile();
    long filters = countFilters(out);
    long expected = processor.equals("portcullis") ? sources.size() : 0;
    if (filters != expected) {
      throw new IllegalStateException(
          "Expected " + expected + " generated filters with " + processor + ", found " + filters);
    }
  }

  private String jar(String name) {
    return Path.of(jars, name + ".jar").toString();
  }

  @Setup(Level.Invocation)
  public void clean() throws IOException {
    try (Stream<Path> files = Files.walk(out)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        if (!file.equals(out)) {
          Files.delete(file);
        }
      }
    }
  }

  @TearDown(Level.Trial)
  public void removeOutput() throws IOException {
    clean();
    Files.delete(out);
  }

  @Benchmark
  public boolean compile() throws IOException {
    StringWriter messages = new StringWriter();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      boolean compiled =
          javac
              .getTask(
                  messages, files, null, options, null, files.getJavaFileObjectsFromFiles(sources))
              .call();
      if (!compiled) {
        throw new IllegalStateException("javac failed:\n" + messages);
      }
      return compiled;
    }
  }

  /** The compiled generated filters under {@code directory}. */
  private static long countFilters(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(file -> file.getFileName().toString().endsWith(FILTER_SUFFIX)).count();
    }
  }
}
