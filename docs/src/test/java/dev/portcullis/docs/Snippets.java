package dev.portcullis.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Finds the source a {@code <!-- snippet: path[#tag] -->} comment names, as the build compiles it. */
final class Snippets {
  /**
   * A file the build compiles: Java source of a module, Java the processor generated in a
   * module's build, or a module's pom.xml.
   */
  private static final Pattern COMPILED = Pattern.compile(
      "[\\w.-]+/((src/(main|test)/java|target/generated-(test-)?sources/annotations)/[\\w/.-]+\\.java|pom\\.xml)");
  private static final Pattern TAG_LINE = Pattern.compile(".*\\b(tag|end)::[\\w-]+\\[\\].*");

  private Snippets() {}

  /**
   * The lines the snippet must equal, or a sentence saying why there are none: the file is not
   * one the build compiles, does not exist, or lacks the tag.
   */
  static Result source(String reference, List<String> modules) {
    int hash = reference.indexOf('#');
    String path = hash < 0 ? reference : reference.substring(0, hash);
    String tag = hash < 0 ? null : reference.substring(hash + 1);
    if (!COMPILED.matcher(path).matches() || !modules.contains(path.substring(0, path.indexOf('/')))) {
      return Result.problem(path + " is not a file the build compiles: name a .java file under a module's"
          + " src/main/java or src/test/java, or a module's pom.xml (modules: " + modules + ")");
    }
    Path file = Pages.ROOT.resolve(path);
    if (!Files.isRegularFile(file)) {
      return Result.problem(path + " does not exist" + (path.contains("/target/")
          ? ": build its module first, as mvn verify and mvn -pl docs -am verify do" : ""));
    }
    List<String> lines = Pages.lines(file);
    if (tag == null) {
      return Result.of(lines);
    }
    Optional<List<String>> region = region(lines, tag);
    return region.map(Result::of)
        .orElseGet(() -> Result.problem(path + " has no region tag::" + tag + "[] ... end::" + tag + "[]"));
  }

  /**
   * The lines between tag::name[] and end::name[], other tag lines left out, dedented. A tag
   * may mark several regions of a file; they are joined in order, so that an example can leave
   * out members between them.
   */
  static Optional<List<String>> region(List<String> lines, String tag) {
    List<String> region = new ArrayList<>();
    boolean found = false;
    int start = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("tag::" + tag + "[]")) {
        start = i + 1;
      } else if (start >= 0 && lines.get(i).contains("end::" + tag + "[]")) {
        for (String line : lines.subList(start, i)) {
          if (!TAG_LINE.matcher(line).matches()) {
            region.add(line);
          }
        }
        found = true;
        start = -1;
      }
    }
    return found ? Optional.of(dedent(region)) : Optional.empty();
  }

  /**
   * Whether {@code excerpt} occurs in {@code lines} as consecutive lines, each indented by the
   * same amount more than in the excerpt (trailing spaces ignored).
   */
  static boolean containsExcerpt(List<String> lines, List<String> excerpt) {
    List<String> shown = normalized(excerpt);
    List<String> file = lines.stream().map(String::stripTrailing).toList();
    if (shown.isEmpty()) {
      return false;
    }
    for (int start = 0; start + shown.size() <= file.size(); start++) {
      String first = file.get(start);
      if (!first.endsWith(shown.get(0)) || !first.substring(0, first.length() - shown.get(0).length()).isBlank()) {
        continue;
      }
      String indent = first.substring(0, first.length() - shown.get(0).length());
      boolean all = true;
      for (int i = 1; i < shown.size() && all; i++) {
        String line = file.get(start + i);
        all = shown.get(i).isEmpty() ? line.isEmpty() : line.equals(indent + shown.get(i));
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  static List<String> dedent(List<String> lines) {
    int indent = lines.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList();
  }

  /** Without trailing blank lines, and trailing spaces, which Markdown editors drop. */
  static List<String> normalized(List<String> lines) {
    List<String> out = new ArrayList<>(lines.stream().map(String::stripTrailing).toList());
    while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  record Result(List<String> lines, String problem) {
    static Result of(List<String> lines) {
      return new Result(lines, null);
    }

    static Result problem(String problem) {
      return new Result(null, problem);
    }
  }
}
