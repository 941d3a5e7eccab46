package dev.portcullis.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The pages of the documentation, README.md and every docs/*.md, with their fenced code blocks
 * and the HTML comment written on the line before each block.
 */
final class Pages {
  private static final Pattern FENCE = Pattern.compile("^(\\s*)(`{3,})\\s*([\\w+-]*).*$");
  private static final Pattern COMMENT = Pattern.compile("^\\s*<!--\\s*([\\w-]+):\\s*(.*?)\\s*-->\\s*$");

  /** The repository root: the parent of this module's directory, where Maven runs its tests. */
  static final Path ROOT = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();

  private Pages() {}

  /** README.md and every docs/*.md, sorted, so that pages added later are checked too. */
  static List<Path> all() {
    List<Path> pages = new ArrayList<>();
    pages.add(ROOT.resolve("README.md"));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(pages::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pages;
  }

  /** Where a page is, as failures name it: its path from the repository root and a line. */
  static String where(Path page, int line) {
    return ROOT.relativize(page).toString().replace('\\', '/') + ":" + line;
  }

  static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every fenced block of a page, with its language and the comment before it, if any. */
  static List<Block> blocks(Path page) {
    List<String> lines = lines(page);
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher open = FENCE.matcher(lines.get(i));
      if (!open.matches()) {
        continue;
      }
      String indent = open.group(1);
      String fence = open.group(2);
      int end = i + 1;
      while (end < lines.size() && !lines.get(end).strip().equals(fence)) {
        end++;
      }
      List<String> body = new ArrayList<>();
      for (String line : lines.subList(i + 1, Math.min(end, lines.size()))) {
        body.add(line.startsWith(indent) ? line.substring(indent.length()) : line.strip());
      }
      String kind = null;
      String argument = null;
      if (i > 0) {
        Matcher comment = COMMENT.matcher(lines.get(i - 1));
        if (comment.matches()) {
          kind = comment.group(1);
          argument = comment.group(2);
        }
      }
      blocks.add(new Block(page, i + 1, open.group(3), body, kind, argument));
      i = end;
    }
    return blocks;
  }

  /**
   * A fenced block: its page, the line of its opening fence, its language, its lines without
   * the fence's indentation, and the comment before it ({@code <!-- kind: argument -->}).
   */
  record Block(Path page, int line, String language, List<String> body, String kind, String argument) {
    String where() {
      return Pages.where(page, line);
    }

    String text() {
      return String.join("\n", body);
    }
  }
}
