package dev.portcullis;

import dev.portcullis.internal.ConfigDuration;
import dev.portcullis.internal.SettingNames;
import dev.portcullis.internal.UrlPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads one configuration key from system properties and then the environment, and turns
 * its text into a value, failing with a sentence that names the key.
 */
final class ConfigValues {

  private final Function<String, String> properties;
  private final Map<String, String> environment;

  ConfigValues(Function<String, String> properties, Map<String, String> environment) {
    this.properties = properties;
    this.environment = environment;
  }

  /** The text for {@code key} (e.g. {@code clock-skew}), or {@code null} when unset or blank. */
  String text(String key) {
    if (!SettingNames.isKnown(key)) {
      throw new IllegalArgumentException("Portcullis reads no key " + key + "; list it in SettingNames.");
    }
    String value = properties.apply(propertyName(key));
    if (value == null || value.isBlank()) {
      value = environment.get(environmentName(key));
    }
    return value == null || value.isBlank() ? null : value.trim();
  }

  static String propertyName(String key) {
    return "portcullis." + key;
  }

  static String environmentName(String key) {
    return SettingNames.environmentName(key);
  }

  /** How a key is named in messages: the property and the environment variable. */
  static String describe(String key) {
    return propertyName(key) + " (environment " + environmentName(key) + ")";
  }

  static Duration parseDuration(String key, String text) {
    return ConfigDuration.parse(text).orElseThrow(() -> new PortcullisConfigException(propertyName(key) + " is \""
        + text + "\", which is not a duration; use a value such as 30s, 5m or PT1M."));
  }

  static int parseCount(String key, String text) {
    try {
      return Integer.parseInt(text.trim().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new PortcullisConfigException(propertyName(key) + " is \"" + text
          + "\", which is not a whole number; use a value such as 10000.");
    }
  }

  static boolean parseBoolean(String key, String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("true") || t.equals("false")) {
      return t.equals("true");
    }
    throw new PortcullisConfigException(propertyName(key) + " is \"" + text
        + "\", which is not a boolean; use true or false.");
  }

  /**
   * An absolute http(s) URL. Plain http is accepted only for loopback hosts unless {@code
   * allowInsecureHttp}, because keys fetched over plain http can be swapped by anyone on the
   * network path.
   */
  static URI parseUrl(String key, String text, boolean allowInsecureHttp) {
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      throw new PortcullisConfigException(propertyName(key) + " is \"" + text
          + "\", which is not a URL; use an absolute https URL such as https://idp.example.com/realms/shop.");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new PortcullisConfigException(propertyName(key) + " is \"" + text
          + "\", which is not an absolute http or https URL; use an absolute https URL such as https://idp.example.com/realms/shop.");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new PortcullisConfigException(propertyName(key) + " is \"" + text
          + "\", which has a query or fragment; remove everything after the path.");
    }
    if (scheme.equals("http") && !allowInsecureHttp && !UrlPolicy.isLoopback(uri.getHost())) {
      throw new PortcullisConfigException(propertyName(key) + " is \"" + text
          + "\", a plain http URL to a host that is not loopback, so signing keys could be forged on the way; use https,"
          + " or set " + propertyName("allow-insecure-http") + "=true if a trusted proxy terminates TLS.");
    }
    return uri;
  }
}
