package dev.portcullis.internal.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders a parsed scope manifest as aligned text tables. */
final class ManifestTables {
  private ManifestTables() {}

  /** The tables of {@code manifest}, headed by the directories and jars it was read from. */
  static String render(List<String> sources, Map<String, Object> manifest) {
    StringBuilder text = new StringBuilder("Scope manifest of " + String.join(", ", sources) + "\n"
        + "(paths are relative to the application path)\n\n");
    List<List<String>> endpoints = new ArrayList<>();
    endpoints.add(List.of("METHOD", "PATH", "REQUIRES", "ALSO ACCEPTS", "JAVA METHOD"));
    for (Map<String, Object> endpoint : objects(manifest.get("endpoints"))) {
      endpoints.add(List.of(
          text(endpoint.get("httpMethod")),
          text(endpoint.get("path")),
          requirement(endpoint),
          implying(endpoint),
          text(endpoint.get("javaMethod"))));
    }
    table("ENDPOINTS", endpoints, text);
    List<List<String>> clients = new ArrayList<>();
    clients.add(List.of("CLIENT", "SCOPES", "INTERFACE"));
    for (Map<String, Object> client : objects(manifest.get("clients"))) {
      clients.add(List.of(text(client.get("name")), String.join(" ", strings(client.get("scopes"))),
          text(client.get("interface"))));
    }
    table("CLIENTS", clients, text);
    List<List<String>> scopes = new ArrayList<>();
    scopes.add(List.of("SCOPE", "IMPLIES", "DESCRIPTION", "CONSTANT"));
    for (Map<String, Object> scope : objects(manifest.get("scopes"))) {
      scopes.add(List.of(text(scope.get("scope")), String.join(" ", strings(scope.get("implies"))),
          text(scope.get("description")), text(scope.get("catalogue")) + "." + text(scope.get("constant"))));
    }
    table("SCOPES", scopes, text);
    return text.toString();
  }

  private static String requirement(Map<String, Object> endpoint) {
    List<String> acr = strings(endpoint.get("acrValues"));
    Object maxAge = endpoint.get("maxAge");
    String stepUp = (acr.isEmpty() ? "" : ", acr " + String.join(" ", acr))
        + (maxAge instanceof Number seconds ? ", max age " + seconds.longValue() + "s" : "")
        + ("REQUIRED".equals(endpoint.get("dpop")) ? ", DPoP required"
            : "ALLOWED".equals(endpoint.get("dpop")) ? ", DPoP allowed" : "");
    return decision(endpoint) + stepUp;
  }

  private static String decision(Map<String, Object> endpoint) {
    List<String> scopes = strings(endpoint.get("scopes"));
    switch (text(endpoint.get("kind"))) {
      case "PUBLIC":
        return "public";
      case "TOKEN":
        return "any valid token";
      case "NONE":
        return "NOT PROTECTED";
      default:
        if (scopes.size() == 1) {
          return scopes.get(0);
        }
        return ("ANY".equals(endpoint.get("match")) ? "any of " : "all of ") + String.join(" ", scopes);
    }
  }

  /** The scopes accepted in place of a required one, through the scope hierarchy. */
  @SuppressWarnings("unchecked")
  private static String implying(Map<String, Object> endpoint) {
    Object satisfiedBy = endpoint.get("satisfiedBy");
    if (!(satisfiedBy instanceof Map)) {
      return "";
    }
    List<String> others = new ArrayList<>();
    for (Map.Entry<String, Object> entry : ((Map<String, Object>) satisfiedBy).entrySet()) {
      for (String scope : strings(entry.getValue())) {
        if (!scope.equals(entry.getKey()) && !others.contains(scope)) {
          others.add(scope);
        }
      }
    }
    return String.join(" ", others);
  }

  private static void table(String title, List<List<String>> rows, StringBuilder text) {
    text.append(title).append('\n');
    if (rows.size() == 1) {
      text.append("  (none)\n\n");
      return;
    }
    int[] widths = new int[rows.get(0).size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder("  ");
      for (int i = 0; i < row.size(); i++) {
        line.append(row.get(i));
        if (i + 1 < row.size()) {
          line.append(" ".repeat(widths[i] - row.get(i).length() + 2));
        }
      }
      text.append(line.toString().stripTrailing()).append('\n');
    }
    text.append('\n');
  }

  /** The JSON objects of the array {@code value}; none when it is not an array. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> objects(Object value) {
    List<Map<String, Object>> objects = new ArrayList<>();
    if (value instanceof List) {
      for (Object item : (List<Object>) value) {
        if (item instanceof Map) {
          objects.add((Map<String, Object>) item);
        }
      }
    }
    return objects;
  }

  private static List<String> strings(Object value) {
    if (!(value instanceof List)) {
      return List.of();
    }
    return ((List<?>) value).stream().map(ManifestTables::text).collect(Collectors.toList());
  }

  /** {@code value} as text, {@code ""} for {@code null}. */
  static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
