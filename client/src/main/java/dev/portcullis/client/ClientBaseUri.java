package dev.portcullis.client;

import dev.portcullis.PortcullisConfigException;
import dev.portcullis.internal.keys.UrlPolicy;
import dev.portcullis.internal.settings.SettingValues;
import dev.portcullis.internal.settings.SettingsSource;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The base URI of a generated client: read from {@code portcullis.client.<name>.base-uri} and
 * checked, because a bearer token sent over plain http to another host can be stolen on the way.
 */
final class ClientBaseUri {
  private ClientBaseUri() {}

  static URI fromConfiguration(String clientName) {
    SettingsSource config = SettingsSource.ofProcess();
    String key = key(clientName, "base-uri");
    String text = config.text(key);
    if (text == null) {
      throw new PortcullisConfigException(
          "Client " + clientName + " has no base URI. Set " + SettingsSource.describe(key)
              + " to the API's URL, for example https://orders.example.com, or pass"
              + " baseUri(...) to OAuthClients.builder(...).");
    }
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      throw new PortcullisConfigException(
          SettingsSource.propertyName(key) + " is \"" + text + "\", which is not a URL; use an"
              + " absolute https URL such as https://orders.example.com.");
    }
  }

  static void check(URI uri, String clientName) {
    String key = key(clientName, "base-uri");
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new PortcullisConfigException(
          "The base URI of client " + clientName + " is \"" + uri + "\", which is not an"
              + " absolute http or https URL; set " + SettingsSource.propertyName(key)
              + " to a URL such as https://orders.example.com.");
    }
    SettingsSource config = SettingsSource.ofProcess();
    String insecureKey = key(clientName, "allow-insecure-http");
    String insecure = config.text(insecureKey);
    boolean allowInsecure = insecure != null && SettingValues.bool(
        SettingsSource.propertyName(insecureKey), insecure, PortcullisConfigException::new);
    if (scheme.equals("http") && !allowInsecure && !UrlPolicy.isLoopback(uri.getHost())) {
      throw new PortcullisConfigException(
          "The base URI of client " + clientName + " is \"" + uri + "\", a plain http URL to a"
              + " host that is not loopback, so its bearer tokens could be read on the way. Use"
              + " https, or set " + SettingsSource.propertyName(insecureKey) + "=true if the"
              + " network path is trusted.");
    }
  }

  private static String key(String clientName, String key) {
    return "client." + clientName + "." + key;
  }
}
