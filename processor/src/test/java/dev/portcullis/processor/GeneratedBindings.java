package dev.portcullis.processor;

import com.google.testing.compile.Compilation;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * Reads the bindings a compilation wrote. {@link #lines} gives one line per bound method,
 * {@code item(long) scopes ALL base:method}, so tests can state rules briefly.
 */
final class GeneratedBindings {
  private GeneratedBindings() {}

  /** The class-output path of the binding of {@code binaryName}. */
  static String path(String binaryName) {
    return "META-INF/portcullis/bindings/" + binaryName + ".json";
  }

  /** The binding of {@code binaryName} as written, failing when there is none. */
  static String json(Compilation compilation, String binaryName) {
    JavaFileObject file =
        compilation
            .generatedFile(StandardLocation.CLASS_OUTPUT, path(binaryName))
            .orElseThrow(() -> new AssertionError("No binding was written for " + binaryName
                + "; generated: " + compilation.generatedFiles()));
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the compilation wrote a binding for {@code binaryName}. */
  static boolean exists(Compilation compilation, String binaryName) {
    return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, path(binaryName)).isPresent();
  }

  /**
   * One line per method of the binding of {@code binaryName}: name, parameter types, then
   * {@code public}, {@code token} or {@code scopes MATCH scope...}, then {@code impliedBy {...}}
   * when the hierarchy widens it.
   */
  static List<String> lines(Compilation compilation, String binaryName) {
    try {
      Map<String, Object> binding = JSONObjectUtils.parse(json(compilation, binaryName));
      List<String> lines = new ArrayList<>();
      for (Object entry : (List<?>) binding.get("methods")) {
        Map<?, ?> method = (Map<?, ?>) entry;
        StringBuilder line = new StringBuilder()
            .append(method.get("name"))
            .append('(')
            .append(String.join(", ", strings(method.get("parameterTypes"))))
            .append(") ")
            .append(method.get("requires"));
        if ("scopes".equals(method.get("requires"))) {
          line.append(' ').append(method.get("match"));
          strings(method.get("scopes")).forEach(scope -> line.append(' ').append(scope));
        }
        if (method.containsKey("impliedBy")) {
          line.append(" impliedBy ").append(method.get("impliedBy"));
        }
        lines.add(line.toString());
      }
      return lines;
    } catch (ParseException e) {
      throw new AssertionError("The binding of " + binaryName + " is not JSON.", e);
    }
  }

  private static List<String> strings(Object list) {
    return ((List<?>) list).stream().map(String.class::cast).toList();
  }
}
