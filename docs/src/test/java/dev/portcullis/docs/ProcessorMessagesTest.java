package dev.portcullis.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The table of processor messages in docs/compile-time-checks.md lists every constant of the
 * processor's message catalogue, in its order, with its kind and its text as the source writes
 * it, so that a message added or reworded without the page fails here.
 */
class ProcessorMessagesTest {
  private static final Path CATALOGUE = Path.of("processor/src/main/java/dev/portcullis/processor/base/Message.java");
  private static final Pattern CONSTANT = Pattern.compile(
      "(\\w+)\\(\\s*Diagnostic\\.Kind\\.(\\w+),\\s*((?:\"(?:[^\"\\\\]|\\\\.)*\"\\s*\\+?\\s*)+)\\)");
  private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern ROW = Pattern.compile("\\| `(\\w+)` \\| (\\w+) \\| `(.*)` \\|");

  @Test
  void thePageListsEveryMessageOfTheCatalogue() {
    String source = String.join("\n", Pages.lines(Pages.ROOT.resolve(CATALOGUE)));
    String constants = source.substring(source.indexOf("enum Message {"), source.indexOf("private final Diagnostic.Kind kind;"));
    List<String> expected = new ArrayList<>();
    Matcher constant = CONSTANT.matcher(constants);
    while (constant.find()) {
      StringBuilder text = new StringBuilder();
      Matcher literal = LITERAL.matcher(constant.group(3));
      while (literal.find()) {
        text.append(unescape(literal.group(1)));
      }
      expected.add(constant.group(1) + " " + constant.group(2) + " " + text);
    }
    assertFalse(expected.isEmpty(), "no constant found in " + CATALOGUE);

    Path page = Pages.ROOT.resolve("docs/compile-time-checks.md");
    List<String> lines = Pages.lines(page);
    int marker = lines.indexOf("<!-- messages: " + CATALOGUE.toString().replace('\\', '/') + " -->");
    assertFalse(marker < 0, Pages.where(page, 1) + ": no <!-- messages: " + CATALOGUE + " --> before the table");
    List<String> listed = new ArrayList<>();
    for (int i = marker + 3; i < lines.size() && lines.get(i).startsWith("|"); i++) {
      Matcher row = ROW.matcher(lines.get(i));
      listed.add(row.matches() ? row.group(1) + " " + row.group(2) + " " + row.group(3).replace("\\|", "|")
          : Pages.where(page, i + 1) + ": not a row | `NAME` | KIND | `text` |");
    }
    assertEquals(expected, listed, Pages.where(page, marker + 1) + ": the table of messages differs from " + CATALOGUE);
  }

  private static String unescape(String literal) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (c == '\\' && i + 1 < literal.length()) {
        char next = literal.charAt(++i);
        out.append(switch (next) {
          case 'n' -> '\n';
          case 't' -> '\t';
          default -> next;
        });
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
