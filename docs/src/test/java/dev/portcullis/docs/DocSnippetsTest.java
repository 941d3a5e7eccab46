package dev.portcullis.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every Java and XML block of README.md and docs/*.md is a file (or a tagged region of one) that
 * the build compiles, or says why it is not Java source as written. A block that drifted from
 * its file fails here with the page and line.
 */
class DocSnippetsTest {
  private static final Set<String> CHECKED_LANGUAGES = Set.of("java", "xml");

  @Test
  void everyJavaAndXmlBlockIsCompiledOrSaysWhyNot() {
    List<String> modules = modules();
    List<String> problems = new ArrayList<>();
    int compiled = 0;
    int notCompiled = 0;
    for (Path page : Pages.all()) {
      for (Pages.Block block : Pages.blocks(page)) {
        if (!CHECKED_LANGUAGES.contains(block.language())) {
          continue;
        }
        if ("not-compiled".equals(block.kind()) && !block.argument().isBlank()) {
          notCompiled++;
        } else if ("excerpt".equals(block.kind())) {
          compiled++;
          Snippets.Result source = Snippets.source(block.argument(), modules);
          if (source.problem() != null) {
            problems.add(block.where() + ": " + source.problem());
          } else if (!Snippets.containsExcerpt(source.lines(), block.body())) {
            problems.add(block.where() + ": the ```" + block.language() + " block is not a run of lines of "
                + block.argument() + " (its first line is \"" + block.body().get(0) + "\")");
          }
        } else if ("snippet".equals(block.kind())) {
          compiled++;
          Snippets.Result source = Snippets.source(block.argument(), modules);
          if (source.problem() != null) {
            problems.add(block.where() + ": " + source.problem());
          } else {
            String difference = difference(Snippets.normalized(block.body()), Snippets.normalized(source.lines()));
            if (difference != null) {
              problems.add(block.where() + ": the ```" + block.language() + " block differs from "
                  + block.argument() + ": " + difference);
            }
          }
        } else {
          problems.add(block.where() + ": the ```" + block.language() + " block has none of <!-- snippet: path[#tag] -->,"
              + " <!-- excerpt: path --> and <!-- not-compiled: reason --> on the line before it");
        }
      }
    }
    if (!problems.isEmpty()) {
      fail(problems.size() + " documentation blocks do not match the code:\n  " + String.join("\n  ", problems));
    }
    assertTrue(compiled > 0, "no compiled snippet found: is the page parser broken?");
    System.out.printf("%d Java/XML blocks are compiled sources, %d are marked not compiled%n", compiled, notCompiled);
  }

  /** The first line where the block and the source differ, or null when they are equal. */
  private static String difference(List<String> block, List<String> source) {
    for (int i = 0; i < Math.max(block.size(), source.size()); i++) {
      String shown = i < block.size() ? block.get(i) : null;
      String actual = i < source.size() ? source.get(i) : null;
      if (shown == null || !shown.equals(actual)) {
        return "line " + (i + 1) + " of the block is " + quote(shown) + " but the source has " + quote(actual);
      }
    }
    return null;
  }

  private static String quote(String line) {
    return line == null ? "nothing (it ended)" : "\"" + line + "\"";
  }

  /** The modules of the root pom.xml, so that a snippet can only name a file the build compiles. */
  static List<String> modules() {
    Matcher module = Pattern.compile("<module>([^<]+)</module>")
        .matcher(String.join("\n", Pages.lines(Pages.ROOT.resolve("pom.xml"))));
    List<String> modules = new ArrayList<>();
    while (module.find()) {
      modules.add(module.group(1).strip());
    }
    return modules;
  }
}
