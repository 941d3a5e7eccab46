package dev.portcullis.internal.settings;

import dev.portcullis.internal.filters.FeatureRegistrationCheck;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The names of every system property ({@code portcullis.*}) and environment variable ({@code
 * PORTCULLIS_*}) Portcullis reads, and a warning for each such name it does not read: without
 * one, {@code portcullis.audiance} would be ignored in silence and the application would fail
 * later, or run with a default, for a reason nobody sees.
 *
 * <p>{@code ConfigValues} and {@code ClientConfiguration} refuse to read a key that is not
 * listed here, so the lists cannot fall behind the code.
 */
public final class SettingNames {
  /** The keys of {@code PortcullisConfig}: {@code portcullis.<key>}, {@code PORTCULLIS_<KEY>}. */
  public static final Set<String> SERVER = Set.of("issuer", "jwks-uri", "accept-any-issuer", "audience",
      "clock-skew", "algorithms", "realm", "strict-token-type", "allow-insecure-http", "scope-in-challenge",
      "http-timeout", "tls-trusted-certificates", "token-cache-size", "max-token-size", "resource-metadata",
      "resource", "resource-name",
      "resource-documentation", "scope-claims", "role-claims", "issuers", "introspection-client-id",
      "introspection-client-secret", "introspection-client-auth", "introspection-private-key", "introspection-key-id",
      "introspection-endpoint", "introspection-cache-ttl", "introspect-all-tokens", "introspection-jwt-response",
      "introspection-tls-certificate", "introspection-tls-private-key", "introspection-tls-keystore",
      "introspection-tls-keystore-password", "introspection-tls-trusted-certificates", "dpop", "dpop-nonce",
      "dpop-nonce-secret", "certificate-bound-tokens", "client-certificate-header");

  /**
   * The keys of a named client: {@code portcullis.client.<name>.<key>}, {@code
   * PORTCULLIS_CLIENT_<NAME>_<KEY>}.
   */
  public static final Set<String> CLIENT = Set.of("base-uri", "issuer", "token-endpoint", "authorization-endpoint", "revocation-endpoint",
      "device-authorization-endpoint",       "allow-insecure-http", "client-id", "client-secret", "client-auth", "private-key", "key-id",
      "tls-certificate", "tls-private-key", "tls-keystore", "tls-keystore-password", "tls-trusted-certificates",
      "signing-algorithm", "grant", "refresh-token", "redirect-uri", "scopes", "audience", "resource",
      "refresh-ahead", "default-lifetime", "connect-timeout", "read-timeout", "max-attempts", "retry-backoff",
      "response-errors", "dpop", "dpop-key");

  /** Set on the JAX-RS application, never read from system properties. */
  private static final String APPLICATION_PROPERTY = FeatureRegistrationCheck.PROPERTY;
  private static final String PROPERTY_PREFIX = "portcullis.";
  private static final String CLIENT_PROPERTY_PREFIX = "portcullis.client.";
  private static final String ENVIRONMENT_PREFIX = "PORTCULLIS_";
  private static final String CLIENT_ENVIRONMENT_PREFIX = "PORTCULLIS_CLIENT_";
  private static final Pattern CLIENT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
  private static final System.Logger LOG = System.getLogger("dev.portcullis");
  private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

  private SettingNames() {}

  /** The environment variable for the system property {@code portcullis.<key>}. */
  public static String environmentName(String key) {
    return ENVIRONMENT_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** Whether Portcullis reads {@code portcullis.<key>}: a server key or {@code client.<name>.<client key>}. */
  public static boolean isKnown(String key) {
    return knownProperty(PROPERTY_PREFIX + key);
  }

  /**
   * Logs a WARNING under {@code dev.portcullis} for each {@code portcullis.*} system property
   * and {@code PORTCULLIS_*} environment variable that names no setting, once per name for the
   * life of the JVM.
   */
  public static void warnAboutUnknown() {
    for (String warning : unknown(System.getProperties().stringPropertyNames(), System.getenv().keySet())) {
      if (WARNED.add(warning)) {
        LOG.log(System.Logger.Level.WARNING, warning);
      }
    }
  }

  /** One sentence for each name among these that Portcullis does not read, with the closest name it reads. */
  public static List<String> unknown(Collection<String> propertyNames, Collection<String> environmentNames) {
    List<String> warnings = new ArrayList<>();
    propertyNames.stream().filter(name -> name.startsWith(PROPERTY_PREFIX)).sorted().forEach(name -> {
      if (name.equals(APPLICATION_PROPERTY)) {
        warnings.add("Portcullis does not read the system property " + name + ": it is an application property;"
            + " set it on the JAX-RS application, for example ResourceConfig.property(\"" + name + "\", false) on"
            + " Jersey, or in the map Application.getProperties() returns.");
      } else if (!knownProperty(name)) {
        warnings.add(ignored("system property", name, closestProperty(name)));
      }
    });
    environmentNames.stream().filter(name -> name.startsWith(ENVIRONMENT_PREFIX)).sorted().forEach(name -> {
      if (!knownEnvironment(name)) {
        warnings.add(ignored("environment variable", name, closestEnvironment(name)));
      }
    });
    return warnings;
  }

  private static String ignored(String kind, String name, String closest) {
    return "Portcullis does not know the " + kind + " " + name + " and ignores it"
        + (closest != null ? ". Did you mean " + closest + "?"
            : "; the settings it reads are listed in docs/configuration.md.");
  }

  private static boolean knownProperty(String name) {
    String key = name.substring(PROPERTY_PREFIX.length());
    if (SERVER.contains(key)) {
      return true;
    }
    if (!name.startsWith(CLIENT_PROPERTY_PREFIX)) {
      return false;
    }
    String rest = name.substring(CLIENT_PROPERTY_PREFIX.length());
    int dot = rest.lastIndexOf('.');
    return dot > 0 && CLIENT_NAME.matcher(rest.substring(0, dot)).matches() && CLIENT.contains(rest.substring(dot + 1));
  }

  private static String closestProperty(String name) {
    if (name.startsWith(CLIENT_PROPERTY_PREFIX)) {
      String rest = name.substring(CLIENT_PROPERTY_PREFIX.length());
      int dot = rest.lastIndexOf('.');
      if (dot > 0) {
        String key = closest(rest.substring(dot + 1), CLIENT);
        return key == null ? null : CLIENT_PROPERTY_PREFIX + rest.substring(0, dot + 1) + key;
      }
    }
    String key = closest(name.substring(PROPERTY_PREFIX.length()), SERVER);
    return key == null ? null : PROPERTY_PREFIX + key;
  }

  private static boolean knownEnvironment(String name) {
    for (String key : SERVER) {
      if (name.equals(environmentName(key))) {
        return true;
      }
    }
    if (!name.startsWith(CLIENT_ENVIRONMENT_PREFIX)) {
      return false;
    }
    String rest = name.substring(CLIENT_ENVIRONMENT_PREFIX.length());
    for (String key : CLIENT) {
      String suffix = "_" + environmentName(key).substring(ENVIRONMENT_PREFIX.length());
      if (rest.length() > suffix.length() && rest.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }

  private static String closestEnvironment(String name) {
    if (name.startsWith(CLIENT_ENVIRONMENT_PREFIX)) {
      // The client's name and key are both joined by '_': try each split, keep the closest key.
      String rest = name.substring(CLIENT_ENVIRONMENT_PREFIX.length());
      String best = null;
      int bestDistance = Integer.MAX_VALUE;
      for (int split = rest.indexOf('_'); split > 0; split = rest.indexOf('_', split + 1)) {
        String typed = rest.substring(split + 1);
        for (String key : CLIENT) {
          String wanted = environmentName(key).substring(ENVIRONMENT_PREFIX.length());
          int distance = distance(typed, wanted);
          if (nearEnough(distance, typed) && distance < bestDistance) {
            best = CLIENT_ENVIRONMENT_PREFIX + rest.substring(0, split + 1) + wanted;
            bestDistance = distance;
          }
        }
      }
      if (best != null) {
        return best;
      }
    }
    List<String> names = SERVER.stream().map(key -> environmentName(key).substring(ENVIRONMENT_PREFIX.length())).toList();
    String key = closest(name.substring(ENVIRONMENT_PREFIX.length()), names);
    return key == null ? null : ENVIRONMENT_PREFIX + key;
  }

  /**
   * The candidate nearest to {@code typed} if it is near enough to be a typo: at most three
   * edits, a swap of neighbours counting as one, and fewer than half its length; ties go to the
   * alphabetically first.
   */
  static String closest(String typed, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates.stream().sorted().toList()) {
      int distance = distance(typed, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return nearEnough(bestDistance, typed) ? best : null;
  }

  private static boolean nearEnough(int distance, String typed) {
    return distance <= 3 && distance * 2 < typed.length();
  }

  /** Optimal string alignment distance. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
