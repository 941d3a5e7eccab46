package dev.portcullis.processor;

import com.google.testing.compile.Compilation;
import dev.portcullis.spi.AccessRule;
import dev.portcullis.spi.ResourceFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * Reads the filters a compilation generated: {@link #source} as written, and {@link #lines},
 * one line per bound method, {@code item(long) scopes ALL base:method}, taken from the compiled
 * filter itself (loaded with the compilation's classes and asked to bind its rules), so tests
 * can state rules briefly.
 */
final class FilterRules {
  private FilterRules() {}

  /** The qualified name of the filter of the resource class {@code qualifiedName}. */
  static String filterName(String qualifiedName) {
    int lastDot = qualifiedName.lastIndexOf('.');
    return qualifiedName.substring(0, lastDot + 1)
        + qualifiedName.substring(lastDot + 1).replace('$', '_')
        + "_PortcullisFilter";
  }

  /** The generated source of the filter of {@code binaryName}, failing when there is none. */
  static String source(Compilation compilation, String binaryName) {
    JavaFileObject file =
        compilation
            .generatedSourceFile(filterName(binaryName))
            .orElseThrow(() -> new AssertionError("No filter was generated for " + binaryName
                + "; generated: " + compilation.generatedSourceFiles()));
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the compilation generated a filter for {@code binaryName}. */
  static boolean exists(Compilation compilation, String binaryName) {
    return compilation.generatedSourceFile(filterName(binaryName)).isPresent();
  }

  /**
   * One line per method the filter of {@code binaryName} binds, in binding order: name,
   * parameter types, then {@code public}, {@code token} or {@code scopes MATCH scope...}, then
   * {@code impliedBy {...}} when the hierarchy widens it.
   */
  static List<String> lines(Compilation compilation, String binaryName) {
    source(compilation, binaryName);
    try {
      Path classes = Files.createTempDirectory("portcullis-filter");
      ClassPaths.writeClassOutput(compilation.generatedFiles(), classes);
      try (URLClassLoader loader =
          new URLClassLoader(new URL[] {classes.toUri().toURL()}, FilterRules.class.getClassLoader())) {
        ResourceFilter filter =
            (ResourceFilter) loader.loadClass(filterName(binaryName)).getConstructor().newInstance();
        List<String> lines = new ArrayList<>();
        filter.bind((rule, name, parameterTypes) -> lines.add(line(rule, name, parameterTypes)));
        return lines;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("The filter of " + binaryName + " cannot be created.", e);
    }
  }

  private static String line(AccessRule rule, String name, Class<?>... parameterTypes) {
    List<String> types = new ArrayList<>();
    for (Class<?> type : parameterTypes) {
      types.add(type.getTypeName());
    }
    StringBuilder line =
        new StringBuilder(name).append('(').append(String.join(", ", types)).append(") ");
    switch (rule.kind()) {
      case PUBLIC -> line.append("public");
      case TOKEN -> line.append("token");
      case SCOPES -> {
        line.append("scopes ").append(rule.match());
        rule.scopes().forEach(scope -> line.append(' ').append(scope));
      }
    }
    if (!rule.impliedBy().isEmpty()) {
      line.append(" impliedBy ").append(rule.impliedBy());
    }
    return line.toString();
  }
}
