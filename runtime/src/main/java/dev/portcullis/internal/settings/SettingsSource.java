package dev.portcullis.internal.settings;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where settings not given in code come from, for the resource server and the clients alike:
 * the system property {@code portcullis.<key>}, then the environment variable {@code
 * PORTCULLIS_<KEY>} (upper case, {@code .} and {@code -} as {@code _}). A client's keys are
 * {@code client.<name>.<key>}. Blank values count as unset. Only the keys {@link SettingNames}
 * lists can be read, so a key read here is a key the unknown-setting warning knows.
 */
public final class SettingsSource {
  private static final SettingsSource NONE = new SettingsSource(key -> null, Map.of());

  private final Function<String, String> properties;
  private final Map<String, String> environment;

  /** Settings looked up in {@code properties} by property name, then {@code environment}. */
  public SettingsSource(Function<String, String> properties, Map<String, String> environment) {
    this.properties = Objects.requireNonNull(properties, "properties");
    this.environment = Map.copyOf(environment);
  }

  /** The process's system properties and environment variables, as they are now. */
  public static SettingsSource ofProcess() {
    return new SettingsSource(System::getProperty, System.getenv());
  }

  /** No settings at all: everything comes from code. */
  public static SettingsSource none() {
    return NONE;
  }

  /** The text for {@code key} (e.g. {@code clock-skew}), trimmed, or {@code null} when unset or blank. */
  public String text(String key) {
    if (!SettingNames.isKnown(key)) {
      throw new IllegalArgumentException("Portcullis reads no key " + key + "; list it in SettingNames.");
    }
    String value = properties.apply(propertyName(key));
    if (value == null || value.isBlank()) {
      value = environment.get(environmentName(key));
    }
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** The name {@code key} was set under: the property when it is set, else the environment variable. */
  public String source(String key) {
    String value = properties.apply(propertyName(key));
    return value != null && !value.isBlank() ? propertyName(key) : environmentName(key);
  }

  /** {@code portcullis.<key>}. */
  public static String propertyName(String key) {
    return "portcullis." + key;
  }

  /** {@code PORTCULLIS_<KEY>}. */
  public static String environmentName(String key) {
    return SettingNames.environmentName(key);
  }

  /** How a key is named in messages: the property and the environment variable. */
  public static String describe(String key) {
    return propertyName(key) + " (environment " + environmentName(key) + ")";
  }
}
