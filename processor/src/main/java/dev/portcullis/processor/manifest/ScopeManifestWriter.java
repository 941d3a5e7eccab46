package dev.portcullis.processor.manifest;

import dev.portcullis.processor.catalogue.CatalogueScope;
import dev.portcullis.processor.manifest.ManifestFragment.ManifestClient;
import dev.portcullis.processor.requirement.Requirement;
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
 * Writes a {@link ManifestFragment} to {@code META-INF/portcullis/scopes/<binary name>.json},
 * with its type as the originating element, so that a build tool that tracks generated files
 * (Gradle) deletes the fragment with its type. Keys sorted, written by {@link Json}, no
 * timestamps: the same sources give the same bytes. Sees only the model.
 *
 * <p>Every fragment has the same fields ({@code formatVersion}, {@code type}, {@code
 * endpoints}, {@code clients}, {@code scopes}), so the union of fragments that the runtime's
 * {@code dev.portcullis.internal.manifest.ScopeManifestCommand} prints has the same shape as
 * each of them.
 */
final class ScopeManifestWriter {
  static final String DIRECTORY = "META-INF/portcullis/scopes/";
  static final int FORMAT_VERSION = 1;

  private final Filer filer;

  ScopeManifestWriter(Filer filer) {
    this.filer = filer;
  }

  /** The class-output path of the fragment of the type {@code binaryName}. */
  static String path(String binaryName) {
    return DIRECTORY + binaryName + ".json";
  }

  void write(ManifestFragment fragment) throws IOException {
    FileObject file =
        filer.createResource(
            StandardLocation.CLASS_OUTPUT, "", path(fragment.typeName()), fragment.type());
    try (OutputStream out = file.openOutputStream()) {
      out.write(toJson(fragment).getBytes(StandardCharsets.UTF_8));
    }
  }

  static String toJson(ManifestFragment fragment) {
    SortedMap<String, Object> root = new TreeMap<>();
    root.put("formatVersion", FORMAT_VERSION);
    root.put("type", fragment.typeName());
    List<Object> endpoints = new ArrayList<>();
    for (ManifestEndpoint endpoint : fragment.endpoints()) {
      SortedMap<String, Object> entry = new TreeMap<>();
      entry.put("httpMethod", endpoint.httpMethod());
      entry.put("path", endpoint.path());
      entry.put("javaMethod", endpoint.javaMethod());
      entry.put("kind", endpoint.kind());
      boolean scopes = "SCOPES".equals(endpoint.kind());
      entry.put("match", scopes ? endpoint.requirement().orElseThrow().match() : null);
      entry.put("scopes", endpoint.requirement().map(Requirement::scopes).orElse(List.of()));
      entry.put("satisfiedBy", endpoint.satisfiedBy());
      entry.put("acrValues", endpoint.requirement().map(Requirement::acr).orElse(List.of()));
      long maxAge = endpoint.requirement().map(Requirement::maxAge).orElse(Requirement.NO_MAX_AGE);
      entry.put("maxAge", maxAge == Requirement.NO_MAX_AGE ? null : maxAge);
      String dpop = endpoint.requirement().map(Requirement::dpop).orElse(Requirement.DPOP_AS_CONFIGURED);
      entry.put("dpop", Requirement.DPOP_AS_CONFIGURED.equals(dpop) ? null : dpop);
      endpoints.add(entry);
    }
    root.put("endpoints", endpoints);
    List<Object> clients = new ArrayList<>();
    for (ManifestClient client : fragment.clients()) {
      SortedMap<String, Object> entry = new TreeMap<>();
      entry.put("name", client.name());
      entry.put("interface", client.interfaceName());
      entry.put("scopes", client.scopes());
      clients.add(entry);
    }
    root.put("clients", clients);
    List<Object> scopes = new ArrayList<>();
    for (CatalogueScope scope : fragment.scopes()) {
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
