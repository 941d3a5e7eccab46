package dev.portcullis;

import dev.portcullis.internal.keys.UrlPolicy;
import dev.portcullis.internal.settings.SettingValues;
import dev.portcullis.internal.settings.SettingsSource;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;

/**
 * Turns the text of one of the resource server's settings into a value, failing with a
 * sentence that names the key. Where the text comes from is {@link SettingsSource}'s job.
 */
final class ConfigValues {
  private ConfigValues() {}

  static Duration parseDuration(String key, String text) {
    return SettingValues.duration(SettingsSource.propertyName(key), text, PortcullisConfigException::new);
  }

  static int parseCount(String key, String text) {
    return SettingValues.count(SettingsSource.propertyName(key), text, PortcullisConfigException::new);
  }

  static boolean parseBoolean(String key, String text) {
    return SettingValues.bool(SettingsSource.propertyName(key), text, PortcullisConfigException::new);
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
      throw new PortcullisConfigException(SettingsSource.propertyName(key) + " is \"" + text
          + "\", which is not a URL; use an absolute https URL such as https://idp.example.com/realms/shop.");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new PortcullisConfigException(SettingsSource.propertyName(key) + " is \"" + text
          + "\", which is not an absolute http or https URL; use an absolute https URL such as https://idp.example.com/realms/shop.");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new PortcullisConfigException(SettingsSource.propertyName(key) + " is \"" + text
          + "\", which has a query or fragment; remove everything after the path.");
    }
    if (scheme.equals("http") && !allowInsecureHttp && !UrlPolicy.isLoopback(uri.getHost())) {
      throw new PortcullisConfigException(SettingsSource.propertyName(key) + " is \"" + text
          + "\", a plain http URL to a host that is not loopback, so signing keys could be forged on the way; use https,"
          + " or set " + SettingsSource.propertyName("allow-insecure-http") + "=true if a trusted proxy terminates TLS.");
    }
    return uri;
  }
}
