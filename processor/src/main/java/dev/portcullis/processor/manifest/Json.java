package dev.portcullis.processor.manifest;

import java.util.List;
import java.util.Map;

/**
 * Writes the processor's JSON resources the same way every time: keys in the map's order,
 * two-space indentation, {@code \n} line endings, non-ASCII escaped, lists of strings on one
 * line and lists of objects one element per line. Values are {@code null}, {@link Integer}, {@link Long},
 * {@link String}, {@link Map} with string keys and {@link List}.
 */
final class Json {
  private Json() {}

  /** {@code value} as a JSON document ending in a line break. */
  static String write(Object value) {
    StringBuilder json = new StringBuilder();
    value(value, "", json);
    return json.append('\n').toString();
  }

  private static void value(Object value, String indent, StringBuilder json) {
    if (value == null) {
      json.append("null");
    } else if (value instanceof Integer || value instanceof Long) {
      json.append(value);
    } else if (value instanceof String string) {
      string(string, json);
    } else if (value instanceof Map<?, ?> map) {
      object(map, indent, json);
    } else if (value instanceof List<?> list) {
      array(list, indent, json);
    } else {
      throw new IllegalArgumentException("Not a JSON value: " + value.getClass());
    }
  }

  private static void object(Map<?, ?> map, String indent, StringBuilder json) {
    if (map.isEmpty()) {
      json.append("{}");
      return;
    }
    String inner = indent + "  ";
    json.append("{\n");
    int i = 0;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      json.append(inner);
      string((String) entry.getKey(), json);
      json.append(": ");
      value(entry.getValue(), inner, json);
      json.append(++i < map.size() ? ",\n" : "\n");
    }
    json.append(indent).append('}');
  }

  private static void array(List<?> list, String indent, StringBuilder json) {
    if (list.isEmpty() || list.get(0) instanceof String) {
      json.append('[');
      for (int i = 0; i < list.size(); i++) {
        json.append(i == 0 ? "" : ", ");
        string((String) list.get(i), json);
      }
      json.append(']');
      return;
    }
    String inner = indent + "  ";
    json.append("[\n");
    for (int i = 0; i < list.size(); i++) {
      json.append(inner);
      value(list.get(i), inner, json);
      json.append(i + 1 < list.size() ? ",\n" : "\n");
    }
    json.append(indent).append(']');
  }

  private static void string(String string, StringBuilder json) {
    json.append('"');
    for (int i = 0; i < string.length(); i++) {
      char c = string.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        default -> {
          if (c < 0x20 || c > 0x7E) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }
}
