package dev.portcullis.docs;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every relative link of README.md and docs/*.md leads to a file, and every anchor to a heading. */
class DocLinksTest {
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*$");
  /** Pages that are announced before they are written; a link to them is allowed to wait. */
  private static final Set<String> ANNOUNCED = Set.of("docs/jakarta-rest-implementations.md");

  @Test
  void everyRelativeLinkAndAnchorExists() {
    List<String> problems = new ArrayList<>();
    for (Path page : Pages.all()) {
      List<String> lines = Pages.lines(page);
      boolean inFence = false;
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).strip().startsWith("```")) {
          inFence = !inFence;
        }
        if (inFence) {
          continue;
        }
        Matcher link = LINK.matcher(lines.get(i));
        while (link.find()) {
          String problem = check(page, link.group(1));
          if (problem != null) {
            problems.add(Pages.where(page, i + 1) + ": " + problem);
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      fail(problems.size() + " broken links:\n  " + String.join("\n  ", problems));
    }
  }

  private static String check(Path page, String target) {
    if (target.matches("^[a-z]+:.*")) {
      return null;
    }
    int hash = target.indexOf('#');
    String path = hash < 0 ? target : target.substring(0, hash);
    String anchor = hash < 0 ? null : target.substring(hash + 1);
    Path file = path.isEmpty() ? page : page.getParent().resolve(path).normalize();
    String relative = Pages.ROOT.relativize(file).toString().replace('\\', '/');
    if (!Files.exists(file)) {
      return ANNOUNCED.contains(relative) ? null : "(" + target + ") names " + relative + ", which does not exist";
    }
    if (anchor != null && !anchors(file).contains(anchor)) {
      return "(" + target + ") names the anchor #" + anchor + ", which no heading of " + relative + " has";
    }
    return null;
  }

  /** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces to '-'. */
  static Set<String> anchors(Path page) {
    Set<String> anchors = new HashSet<>();
    boolean inFence = false;
    for (String line : Pages.lines(page)) {
      if (line.strip().startsWith("```")) {
        inFence = !inFence;
      }
      Matcher heading = HEADING.matcher(line);
      if (!inFence && heading.matches()) {
        String base = heading.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
        String anchor = base;
        for (int n = 1; !anchors.add(anchor); n++) {
          anchor = base + "-" + n;
        }
      }
    }
    return anchors;
  }
}
