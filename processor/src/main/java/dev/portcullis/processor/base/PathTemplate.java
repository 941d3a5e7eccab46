package dev.portcullis.processor.base;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The request path of a client method, joined at compile time from the type's and the method's
 * {@code @Path} the way JAX-RS joins them, with regular expressions removed from templates:
 * {@code @Path("/orders")} and {@code @Path("{id: [0-9]+}")} give {@code orders/{id}}.
 *
 * @param template the path relative to the client's base URI, without leading slash
 * @param names the template names in order of first appearance
 */
public record PathTemplate(String template, List<String> names) {

  public PathTemplate {
    names = List.copyOf(new LinkedHashSet<>(names));
  }

  /** Joins {@code typePath} and {@code methodPath}; either may be {@code null}. */
  public static PathTemplate join(String typePath, String methodPath) {
    List<String> parts = new ArrayList<>();
    for (String part : new String[] {typePath, methodPath}) {
      String trimmed = trimSlashes(part == null ? "" : part);
      if (!trimmed.isEmpty()) {
        parts.add(trimmed);
      }
    }
    return parse(String.join("/", parts));
  }

  private static PathTemplate parse(String path) {
    StringBuilder template = new StringBuilder();
    Set<String> names = new LinkedHashSet<>();
    int i = 0;
    while (i < path.length()) {
      char c = path.charAt(i);
      if (c != '{') {
        template.append(c);
        i++;
        continue;
      }
      int depth = 0;
      int end = i;
      for (; end < path.length(); end++) {
        if (path.charAt(end) == '{') {
          depth++;
        } else if (path.charAt(end) == '}' && --depth == 0) {
          break;
        }
      }
      String inside = path.substring(i + 1, Math.min(end, path.length()));
      int colon = inside.indexOf(':');
      String name = (colon >= 0 ? inside.substring(0, colon) : inside).trim();
      names.add(name);
      template.append('{').append(name).append('}');
      i = end + 1;
    }
    return new PathTemplate(template.toString(), List.copyOf(names));
  }

  private static String trimSlashes(String path) {
    int start = 0;
    int end = path.length();
    while (start < end && path.charAt(start) == '/') {
      start++;
    }
    while (end > start && path.charAt(end - 1) == '/') {
      end--;
    }
    return path.substring(start, end);
  }
}
