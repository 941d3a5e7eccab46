package dev.portcullis.internal.manifest;

import dev.portcullis.Dpop;
import dev.portcullis.ScopeManifest;
import dev.portcullis.ScopeMatch;
import dev.portcullis.spi.AccessRule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The endpoints of parsed scope manifest fragments as {@link ScopeManifest.Endpoint}s, each
 * with the rule its generated filter enforces, rebuilt from the fragment's {@code kind}, {@code
 * match}, {@code scopes} and {@code satisfiedBy}.
 */
public final class ManifestEndpoints {
  /** The fragment format this runtime reads; a newer one may mean something else by a field. */
  private static final int FORMAT_VERSION = 1;

  private ManifestEndpoints() {}

  /**
   * The endpoints of {@code fragments} (parsed fragments by type), sorted as the processor
   * sorts them: by path, HTTP method, Java method.
   *
   * @throws IOException when a fragment has a newer format or an endpoint it cannot read
   */
  public static List<ScopeManifest.Endpoint> of(Map<String, Map<String, Object>> fragments) throws IOException {
    List<ScopeManifest.Endpoint> endpoints = new ArrayList<>();
    for (Map.Entry<String, Map<String, Object>> fragment : fragments.entrySet()) {
      String type = fragment.getKey();
      Object version = fragment.getValue().get("formatVersion");
      if (!(version instanceof Number number) || number.intValue() != FORMAT_VERSION) {
        throw new IOException("The scope manifest fragment of " + type + " has formatVersion " + version
            + ", but this Portcullis runtime reads version " + FORMAT_VERSION + "; use the runtime of the"
            + " Portcullis version whose processor wrote it.");
      }
      for (Map<String, Object> endpoint : ManifestTables.objects(fragment.getValue().get("endpoints"))) {
        endpoints.add(new ScopeManifest.Endpoint(type, text(endpoint, "httpMethod", type),
            text(endpoint, "path", type), text(endpoint, "javaMethod", type), rule(endpoint, type)));
      }
    }
    endpoints.sort(Comparator.comparing(ScopeManifest.Endpoint::path)
        .thenComparing(ScopeManifest.Endpoint::httpMethod)
        .thenComparing(ScopeManifest.Endpoint::javaMethod));
    return List.copyOf(endpoints);
  }

  private static Optional<AccessRule> rule(Map<String, Object> endpoint, String type) throws IOException {
    String kind = text(endpoint, "kind", type);
    switch (kind) {
      case "PUBLIC":
        return Optional.of(AccessRule.publicAccess());
      case "TOKEN":
        return Optional.of(dpop(stepUp(AccessRule.anyToken(), endpoint, type), endpoint, type));
      case "NONE":
        return Optional.empty();
      case "SCOPES":
        return Optional.of(dpop(stepUp(scopes(endpoint, type), endpoint, type), endpoint, type));
      default:
        throw unreadable(endpoint, type, "kind \"" + kind + "\"");
    }
  }

  /** {@code rule} with the endpoint's {@code acrValues} and {@code maxAge}, absent in older fragments. */
  private static AccessRule stepUp(AccessRule rule, Map<String, Object> endpoint, String type) throws IOException {
    List<String> acr = strings(endpoint.get("acrValues"));
    Object maxAge = endpoint.get("maxAge");
    try {
      AccessRule stepped = acr.isEmpty() ? rule : rule.requiringAcr(acr.toArray(String[]::new));
      if (maxAge == null) {
        return stepped;
      }
      if (!(maxAge instanceof Number seconds) || seconds.doubleValue() != seconds.longValue()) {
        throw unreadable(endpoint, type, "maxAge " + maxAge);
      }
      return stepped.requiringMaxAge(seconds.longValue());
    } catch (IllegalArgumentException e) {
      throw unreadable(endpoint, type, "acrValues " + acr + " and maxAge " + maxAge);
    }
  }

  /** {@code rule} with the endpoint's {@code dpop}, absent or {@code null} (as configured) in older fragments. */
  private static AccessRule dpop(AccessRule rule, Map<String, Object> endpoint, String type) throws IOException {
    Object dpop = endpoint.get("dpop");
    if (dpop == null) {
      return rule;
    }
    for (Dpop value : Dpop.values()) {
      if (value.name().equals(dpop)) {
        return rule.requiringDpop(value);
      }
    }
    throw unreadable(endpoint, type, "dpop " + dpop);
  }

  private static AccessRule scopes(Map<String, Object> endpoint, String type) throws IOException {
    AccessRule rule;
    try {
      rule = AccessRule.scopes(ScopeMatch.valueOf(text(endpoint, "match", type)), strings(endpoint.get("scopes")));
    } catch (IllegalArgumentException e) {
      throw unreadable(endpoint, type, "scopes " + endpoint.get("scopes") + " matched " + endpoint.get("match"));
    }
    if (endpoint.get("satisfiedBy") instanceof Map<?, ?> satisfiedBy) {
      for (Map.Entry<?, ?> entry : satisfiedBy.entrySet()) {
        String scope = String.valueOf(entry.getKey());
        List<String> implying = new ArrayList<>(strings(entry.getValue()));
        implying.remove(scope);
        if (!implying.isEmpty()) {
          if (!rule.scopes().contains(scope)) {
            throw unreadable(endpoint, type, "satisfiedBy for \"" + scope + "\", which it does not require");
          }
          rule = rule.impliedBy(scope, implying.toArray(String[]::new));
        }
      }
    }
    return rule;
  }

  private static String text(Map<String, Object> endpoint, String key, String type) throws IOException {
    if (!(endpoint.get(key) instanceof String value)) {
      throw unreadable(endpoint, type, "no " + key);
    }
    return value;
  }

  private static List<String> strings(Object value) {
    List<String> strings = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object item : list) {
        strings.add(String.valueOf(item));
      }
    }
    return strings;
  }

  private static IOException unreadable(Map<String, Object> endpoint, String type, String what) {
    return new IOException("The scope manifest fragment of " + type + " lists an endpoint with " + what + " ("
        + endpoint.get("httpMethod") + " " + endpoint.get("path") + "); rebuild it with the Portcullis annotation"
        + " processor of this runtime's version.");
  }
}
