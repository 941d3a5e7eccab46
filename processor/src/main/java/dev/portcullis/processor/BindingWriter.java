package dev.portcullis.processor;

import dev.portcullis.processor.ResourceClass.BoundMethod;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes the binding of one {@link ResourceClass}: {@code
 * META-INF/portcullis/bindings/<binary name>.json}, the list of its resource methods and what
 * each requires, which the runtime reads once at startup. Sees only the model.
 *
 * <p>The binding is data, not a class: javac does not compile it, so a large API costs the
 * build one small file per resource class instead of a class to parse, attribute and write,
 * and each file belongs to one resource class, so nothing has to be merged across
 * compilations or jars. Format version 1:
 *
 * <pre>{@code
 * {
 *   "portcullisBinding": 1,
 *   "generated": "by the Portcullis annotation processor from the annotations of ...",
 *   "resourceClass": "com.example.OrdersResource",
 *   "methods": [
 *     {"name": "create", "parameterTypes": ["com.example.NewOrder"], "requires": "scopes",
 *      "match": "ALL", "scopes": ["orders:write"], "impliedBy": {"orders:write": ["orders:admin"]}},
 *     {"name": "health", "parameterTypes": [], "requires": "public"}
 *   ]
 * }
 * }</pre>
 *
 * Parameter types are the erasures as {@link Class#getTypeName()} writes them; {@code requires}
 * is {@code public}, {@code token} or {@code scopes}.
 */
final class BindingWriter {
  static final String DIRECTORY = "META-INF/portcullis/bindings/";
  static final int FORMAT_VERSION = 1;

  private final Filer filer;

  BindingWriter(Filer filer) {
    this.filer = filer;
  }

  /** The class-path resource that holds the binding of the class {@code binaryName}. */
  static String path(String binaryName) {
    return DIRECTORY + binaryName + ".json";
  }

  void write(ResourceClass resource) throws IOException {
    FileObject file =
        filer.createResource(
            StandardLocation.CLASS_OUTPUT, "", path(resource.binaryName()), resource.element());
    try (OutputStream out = file.openOutputStream()) {
      out.write(toJson(resource).getBytes(StandardCharsets.UTF_8));
    }
  }

  static String toJson(ResourceClass resource) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("portcullisBinding", FORMAT_VERSION);
    root.put(
        "generated",
        "by the Portcullis annotation processor from the annotations of "
            + String.join(", ", resource.annotatedTypes())
            + "; do not edit, change the annotations instead");
    root.put("resourceClass", resource.binaryName());
    List<Object> methods = new ArrayList<>();
    for (BoundMethod method : resource.methods()) {
      methods.add(method(method));
    }
    root.put("methods", methods);
    return Json.write(root);
  }

  private static Map<String, Object> method(BoundMethod method) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", method.name());
    entry.put("parameterTypes", method.parameterTypes());
    Requirement requirement = method.decision().requirement();
    switch (requirement.kind()) {
      case PUBLIC -> entry.put("requires", "public");
      case TOKEN -> entry.put("requires", "token");
      case SCOPES -> {
        entry.put("requires", "scopes");
        entry.put("match", requirement.match());
        entry.put("scopes", requirement.scopes());
        if (!method.implyingScopes().isEmpty()) {
          Map<String, Object> impliedBy = new LinkedHashMap<>();
          method.implyingScopes().forEach((scope, implying) -> impliedBy.put(scope, implying));
          entry.put("impliedBy", impliedBy);
        }
      }
    }
    return entry;
  }
}
