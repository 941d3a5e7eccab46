package dev.portcullis.processor;

import dev.portcullis.processor.ScopeManifest.ManifestClient;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@code META-INF/portcullis/scopes.json} from a {@link ScopeManifest}: keys sorted,
 * two-space indentation, {@code \n} line endings, non-ASCII escaped, no timestamps, so that the
 * same sources give the same bytes. Sees only the model.
 */
final class ScopeManifestWriter {
  static final String PATH = "META-INF/portcullis/scopes.json";
  static final int FORMAT_VERSION = 1;

  private final Filer filer;

  ScopeManifestWriter(Filer filer) {
    this.filer = filer;
  }

  void write(ScopeManifest manifest) throws IOException {
    if (manifest.isEmpty()) {
      return; // A compilation without resources, clients or catalogues leaves no trace.
    }
    FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", PATH);
    try (OutputStream out = file.openOutputStream()) {
      out.write(toJson(manifest).getBytes(StandardCharsets.UTF_8));
    }
  }

  static String toJson(ScopeManifest manifest) {
    SortedMap<String, Object> root = new TreeMap<>();
    root.put("formatVersion", FORMAT_VERSION);
    List<Object> endpoints = new ArrayList<>();
    for (ManifestEndpoint endpoint : manifest.endpoints()) {
      SortedMap<String, Object> entry = new TreeMap<>();
      entry.put("httpMethod", endpoint.httpMethod());
      entry.put("path", endpoint.path());
      entry.put("javaMethod", endpoint.javaMethod());
      entry.put("kind", endpoint.kind());
      boolean scopes = "SCOPES".equals(endpoint.kind());
      entry.put("match", scopes ? endpoint.requirement().orElseThrow().match() : null);
      entry.put("scopes", endpoint.requirement().map(Requirement::scopes).orElse(List.of()));
      entry.put("satisfiedBy", endpoint.satisfiedBy());
      endpoints.add(entry);
    }
    root.put("endpoints", endpoints);
    List<Object> clients = new ArrayList<>();
    for (ManifestClient client : manifest.clients()) {
      SortedMap<String, Object> entry = new TreeMap<>();
      entry.put("name", client.name());
      entry.put("interface", client.interfaceName());
      entry.put("scopes", client.scopes());
      clients.add(entry);
    }
    root.put("clients", clients);
    List<Object> scopes = new ArrayList<>();
    for (CatalogueScope scope : manifest.scopes()) {
      SortedMap<String, Object> entry = new TreeMap<>();
      entry.put("scope", scope.scope());
      entry.put("description", scope.description());
      entry.put("implies", scope.impliedScopes().stream().sorted().toList());
      entry.put("catalogue", scope.catalogueName());
      entry.put("constant", scope.constant().getSimpleName().toString());
      scopes.add(entry);
    }
    root.put("scopes", scopes);
    StringBuilder json = new StringBuilder();
    value(root, "", json);
    return json.append('\n').toString();
  }

  private static void value(Object value, String indent, StringBuilder json) {
    if (value == null) {
      json.append("null");
    } else if (value instanceof Integer number) {
      json.append(number);
    } else if (value instanceof String string) {
      string(string, json);
    } else if (value instanceof Map<?, ?> map) {
      object(map, indent, json);
    } else if (value instanceof List<?> list) {
      array(list, indent, json);
    } else {
      throw new IllegalArgumentException("Not a manifest value: " + value.getClass());
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

  /** Lists of strings stay on one line; lists of objects get one line per element. */
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
    for (char c : string.toCharArray()) {
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
