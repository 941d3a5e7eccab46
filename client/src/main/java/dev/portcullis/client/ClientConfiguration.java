package dev.portcullis.client;

import dev.portcullis.internal.settings.SettingValues;
import dev.portcullis.internal.settings.SettingNames;
import dev.portcullis.internal.settings.SettingsSource;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The configuration of one named client: {@code portcullis.client.<name>.<key>}, else {@code
 * PORTCULLIS_CLIENT_<NAME>_<KEY>}, looked up by the same {@link SettingsSource} as the resource
 * server's settings. Values set in code are applied by the caller before these are asked.
 */
final class ClientConfiguration {

  private final String name;
  private final SettingsSource settings;

  ClientConfiguration(String name, SettingsSource settings) {
    this.name = name;
    this.settings = settings;
  }

  static String propertyKey(String name, String key) {
    return SettingsSource.propertyName(settingKey(name, key));
  }

  static String environmentKey(String name, String key) {
    return SettingsSource.environmentName(settingKey(name, key));
  }

  private static String settingKey(String name, String key) {
    return "client." + name + "." + key;
  }

  /** How the user sets {@code key}, for messages: both configuration names and the builder. */
  String describe(String key, String builderMethod) {
    String code = "call " + builderMethod + " on the builder";
    if (name == null) {
      return code;
    }
    return "set " + propertyKey(name, key) + " (or " + environmentKey(name, key) + "), or "
        + code;
  }

  /** Where a configured value came from, for messages. */
  private String source(String key) {
    return settings.source(settingKey(name, key));
  }

  Optional<String> string(String key) {
    if (!SettingNames.CLIENT.contains(key)) {
      throw new IllegalArgumentException("Portcullis reads no client key " + key + "; list it in SettingNames.CLIENT.");
    }
    if (name == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(settings.text(settingKey(name, key)));
  }

  Optional<URI> uri(String key) {
    return string(key).map(value -> parseUri(value, source(key)));
  }

  Optional<Path> path(String key) {
    return string(key).map(Path::of);
  }

  Optional<Duration> duration(String key) {
    return string(key).map(value -> SettingValues.duration(source(key), value, ClientConfigurationException::new));
  }

  Optional<Integer> positiveInteger(String key) {
    return string(key).map(value -> {
      int number = SettingValues.count(source(key), value, ClientConfigurationException::new);
      if (number <= 0) {
        throw new ClientConfigurationException(source(key) + " is \"" + value
            + "\", which is not a positive whole number; use a value such as 3.");
      }
      return number;
    });
  }

  Optional<Boolean> bool(String key) {
    return string(key).map(value -> SettingValues.bool(source(key), value, ClientConfigurationException::new));
  }

  /** A list separated by spaces or commas. */
  Optional<List<String>> list(String key) {
    return string(key).map(value -> Arrays.stream(value.split("[\\s,]+"))
        .filter(item -> !item.isEmpty()).collect(Collectors.toList()));
  }

  Optional<ClientAuthenticationMethod> method(String key) {
    return string(key).map(value -> ClientAuthenticationMethod.fromWireName(value, source(key)));
  }

  String sourceOf(String key) {
    return source(key);
  }

  static URI parseUri(String value, String key) {
    try {
      URI uri = new URI(value);
      if (isHttpUrl(uri)) {
        return uri;
      }
    } catch (URISyntaxException ignored) {
      // reported below
    }
    throw new ClientConfigurationException("The value \"" + value + "\" of " + key + " is not"
        + " an absolute http(s) URL. Set a URL such as https://idp.example.com/token.");
  }

  /** Whether {@code uri} is an absolute http or https URL with a host and no fragment. */
  static boolean isHttpUrl(URI uri) {
    return uri.isAbsolute() && uri.getHost() != null && uri.getRawFragment() == null
        && (uri.getScheme().equalsIgnoreCase("https")
            || uri.getScheme().equalsIgnoreCase("http"));
  }
}
