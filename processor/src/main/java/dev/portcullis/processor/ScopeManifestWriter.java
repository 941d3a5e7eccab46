package dev.portcullis.processor;

import dev.portcullis.processor.ScopeManifest.ManifestClient;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@code META-INF/portcullis/scopes.json} from a {@link ScopeManifest}: keys sorted,
 * written by {@link Json}, no timestamps, so that the same sources give the same bytes. Sees
 * only the model.
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
    return Json.write(root);
  }
}
