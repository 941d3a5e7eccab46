package dev.portcullis.internal;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.portcullis.ScopeMatch;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One binding file the annotation processor writes per protected resource class, {@code
 * META-INF/portcullis/bindings/<binary class name>.json}, read and checked strictly but not yet
 * matched to the class's methods (that is {@link ResolvedBinding}'s job).
 *
 * <p>Format version {@value #VERSION}:
 *
 * <pre>{@code
 * {
 *   "portcullisBinding": 1,
 *   "generated": "...",
 *   "resourceClass": "com.example.OrdersResource",
 *   "methods": [
 *     {"name": "create", "parameterTypes": ["com.example.NewOrder"], "requires": "scopes",
 *      "match": "ALL", "scopes": ["orders:write"], "impliedBy": {"orders:write": ["orders:admin"]}},
 *     {"name": "health", "parameterTypes": [], "requires": "public"},
 *     {"name": "me", "parameterTypes": ["int", "java.lang.String[]"], "requires": "token"}
 *   ]
 * }
 * }</pre>
 *
 * <p>Parameter types are erased and written as {@link Class#getTypeName()} writes them. {@code
 * requires} is {@code public}, {@code token} or {@code scopes}; only {@code scopes} takes {@code
 * match} ({@code ALL} or {@code ANY}), a non-empty {@code scopes} array and an optional {@code
 * impliedBy} object (see {@link ScopeRequirement#orImpliedBy}). {@code generated} and unknown
 * fields are ignored. Anything else wrong stops startup with an {@link IllegalStateException}.
 *
 * @param source where the file was read, for messages: its URL or its resource path
 * @param resourceClass the binary name of the resource class the file protects
 * @param methods one entry per resource method with a Portcullis decision, in file order
 */
record BindingFile(String source, String resourceClass, List<BoundMethod> methods) {
  /** The only format version this runtime reads. */
  static final int VERSION = 1;

  /** The class-path folder of the binding files. */
  static final String DIRECTORY = "META-INF/portcullis/bindings/";

  private static final String REBUILD = "rebuild the application with the same version of the Portcullis"
      + " annotation processor (portcullis-processor) as the Portcullis runtime, for example with mvn clean"
      + " verify, and do not edit binding files by hand.";

  /** Copies {@code methods}. */
  BindingFile {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(resourceClass, "resourceClass");
    methods = List.copyOf(methods);
  }

  /**
   * The rule of one resource method.
   *
   * @param name the Java method name
   * @param parameterTypes the erased parameter types in declaration order, as {@link
   *     Class#getTypeName()} writes them
   * @param requirement what a request to the method must present
   */
  record BoundMethod(String name, List<String> parameterTypes, ScopeRequirement requirement) {
    /** Copies {@code parameterTypes}. */
    BoundMethod {
      Objects.requireNonNull(name, "name");
      parameterTypes = List.copyOf(parameterTypes);
      Objects.requireNonNull(requirement, "requirement");
    }

    /** The method as Java writes it, such as {@code create(com.example.NewOrder)}. */
    String signature() {
      return name + "(" + String.join(", ", parameterTypes) + ")";
    }
  }

  /** The class-path resource of the binding of the class named {@code binaryName}. */
  static String resourcePath(String binaryName) {
    return DIRECTORY + binaryName + ".json";
  }

  /**
   * Reads the binding file at {@code url}, which must be the one of {@code resourceClass}.
   *
   * @throws IllegalStateException when it cannot be read or is not a valid binding of the class
   */
  static BindingFile read(URL url, String resourceClass) {
    String source = url.toString();
    byte[] bytes;
    try (InputStream in = url.openStream()) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("The Portcullis binding " + source + " could not be read ("
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
          + "); check that the application's jar or classes directory is complete and readable, or "
          + REBUILD, e);
    }
    String json;
    try {
      json = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw invalid(source, "is not UTF-8 text");
    }
    return parse(source, resourceClass, json);
  }

  /**
   * Parses binding {@code json}, read from {@code source}, which must be the one of {@code
   * resourceClass}.
   *
   * @throws IllegalStateException when it is not a valid binding of the class
   */
  static BindingFile parse(String source, String resourceClass, String json) {
    Map<String, Object> root;
    try {
      root = JSONObjectUtils.parse(json);
    } catch (ParseException | RuntimeException e) {
      root = null;
    }
    if (root == null) {
      throw invalid(source, "is not a valid JSON object");
    }
    checkVersion(source, root);
    Object named = root.get("resourceClass");
    if (!(named instanceof String)) {
      throw invalid(source, "has no \"resourceClass\" string naming the class it protects");
    }
    if (!named.equals(resourceClass)) {
      throw invalid(source, "protects the class " + show(named) + ", but it was found as the binding of "
          + resourceClass + ", so it was renamed or copied after the processor wrote it");
    }
    if (!(root.get("methods") instanceof List<?> entries)) {
      throw invalid(source, "has no \"methods\" array");
    }
    List<BoundMethod> methods = new ArrayList<>();
    Set<String> signatures = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      BoundMethod method = method(source, i + 1, entries.get(i));
      if (!signatures.add(method.signature())) {
        throw invalid(source, "lists the method " + method.signature() + " twice");
      }
      methods.add(method);
    }
    return new BindingFile(source, resourceClass, methods);
  }

  private static void checkVersion(String source, Map<String, Object> root) {
    if (!root.containsKey("portcullisBinding")) {
      throw invalid(source, "has no \"portcullisBinding\" format version, so it was not written by a"
          + " Portcullis annotation processor this runtime can read");
    }
    Object version = root.get("portcullisBinding");
    if (!(version instanceof Number number) || number.doubleValue() != VERSION) {
      throw invalid(source, "has the format version \"portcullisBinding\": " + show(version)
          + ", but this Portcullis runtime reads only version " + VERSION
          + ", so the annotation processor that wrote it and the runtime are different Portcullis versions");
    }
  }

  private static BoundMethod method(String source, int entry, Object value) {
    if (!(value instanceof Map<?, ?> method)) {
      throw invalid(source, "has method entry " + entry + " that is not a JSON object");
    }
    if (!(method.get("name") instanceof String name) || name.isEmpty()) {
      throw invalid(source, "has method entry " + entry + " without a \"name\" string");
    }
    String label = "method " + name + " (entry " + entry + ")";
    if (!(method.get("parameterTypes") instanceof List<?> types)) {
      throw invalid(source, "has " + label + " without a \"parameterTypes\" array");
    }
    List<String> parameterTypes = strings(source, label, "parameterTypes", types);
    label = "method " + name + "(" + String.join(", ", parameterTypes) + ") (entry " + entry + ")";
    if (!method.containsKey("requires")) {
      throw invalid(source, "has " + label + " without \"requires\" (\"public\", \"token\" or \"scopes\")");
    }
    Object requires = method.get("requires");
    if ("public".equals(requires) || "token".equals(requires)) {
      for (String field : List.of("match", "scopes", "impliedBy")) {
        if (method.containsKey(field)) {
          throw invalid(source, "has " + label + " that requires " + requires + " but also has \"" + field
              + "\", which only a method that requires scopes may have");
        }
      }
      ScopeRequirement requirement =
          "public".equals(requires) ? ScopeRequirement.publicAccess() : ScopeRequirement.anyToken();
      return new BoundMethod(name, parameterTypes, requirement);
    }
    if (!"scopes".equals(requires)) {
      throw invalid(source, "has " + label + " with \"requires\": " + show(requires)
          + ", which is not \"public\", \"token\" or \"scopes\"");
    }
    return new BoundMethod(name, parameterTypes, scopes(source, label, method));
  }

  private static ScopeRequirement scopes(String source, String label, Map<?, ?> method) {
    if (!method.containsKey("match")) {
      throw invalid(source, "has " + label + " that requires scopes but has no \"match\" (\"ALL\" or \"ANY\")");
    }
    Object match = method.get("match");
    ScopeMatch scopeMatch;
    if ("ALL".equals(match)) {
      scopeMatch = ScopeMatch.ALL;
    } else if ("ANY".equals(match)) {
      scopeMatch = ScopeMatch.ANY;
    } else {
      throw invalid(source, "has " + label + " with \"match\": " + show(match) + ", which is not \"ALL\" or \"ANY\"");
    }
    if (!(method.get("scopes") instanceof List<?> listed)) {
      throw invalid(source, "has " + label + " that requires scopes but has no \"scopes\" array");
    }
    if (listed.isEmpty()) {
      throw invalid(source, "has " + label + " that requires scopes but has an empty \"scopes\" array");
    }
    List<String> scopes = strings(source, label, "scopes", listed);
    if (new HashSet<>(scopes).size() != scopes.size()) {
      throw invalid(source, "has " + label + " that lists the same scope twice in \"scopes\"");
    }
    ScopeRequirement requirement = ScopeRequirement.scopes(scopeMatch, scopes.toArray(String[]::new));
    if (!method.containsKey("impliedBy")) {
      return requirement;
    }
    if (!(method.get("impliedBy") instanceof Map<?, ?> impliedBy)) {
      throw invalid(source, "has " + label + " whose \"impliedBy\" is not a JSON object");
    }
    for (Map.Entry<?, ?> entry : impliedBy.entrySet()) {
      Object scope = entry.getKey();
      if (!scopes.contains(scope)) {
        throw invalid(source, "has " + label + " whose \"impliedBy\" names the scope " + show(scope)
            + ", which is not one of its \"scopes\"");
      }
      if (!(entry.getValue() instanceof List<?> implying)) {
        throw invalid(source, "has " + label + " whose \"impliedBy\" value for " + scope + " is not an array");
      }
      List<String> names = strings(source, label, "impliedBy of " + scope, implying);
      requirement = requirement.orImpliedBy((String) scope, names.toArray(String[]::new));
    }
    return requirement;
  }

  /** The elements of {@code values}, each of which must be a non-empty string. */
  private static List<String> strings(String source, String label, String field, List<?> values) {
    List<String> strings = new ArrayList<>(values.size());
    for (Object value : values) {
      if (!(value instanceof String string) || string.isEmpty()) {
        throw invalid(source, "has " + label + " whose \"" + field + "\" contains " + show(value)
            + ", which is not a non-empty string");
      }
      strings.add(string);
    }
    return strings;
  }

  /** A JSON value as it might appear in the file, shortened. */
  private static String show(Object value) {
    String shown;
    if (value == null) {
      shown = "null";
    } else if (value instanceof String string) {
      shown = "\"" + string + "\"";
    } else if (value instanceof Map<?, ?>) {
      shown = "an object";
    } else if (value instanceof List<?>) {
      shown = "an array";
    } else {
      shown = value.toString();
    }
    return shown.length() > 80 ? shown.substring(0, 80) + "..." : shown;
  }

  private static IllegalStateException invalid(String source, String problem) {
    return new IllegalStateException("The Portcullis binding " + source + " " + problem + "; " + REBUILD);
  }
}
