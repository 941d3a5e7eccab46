package dev.portcullis.internal.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** One lookup for the server's and the clients' settings: names, precedence, blanks. */
class SettingsSourceTest {

  @Test
  void keysMapToPropertyAndEnvironmentNames() {
    assertEquals("portcullis.jwks-uri", SettingsSource.propertyName("jwks-uri"));
    assertEquals("PORTCULLIS_JWKS_URI", SettingsSource.environmentName("jwks-uri"));
    assertEquals("PORTCULLIS_CLIENT_ORDERS_CLIENT_ID", SettingsSource.environmentName("client.orders.client-id"));
    assertEquals("portcullis.audience (environment PORTCULLIS_AUDIENCE)", SettingsSource.describe("audience"));
  }

  @Test
  void aPropertyWinsOverTheEnvironmentAndABlankOneCountsAsUnset() {
    Map<String, String> properties = Map.of("portcullis.audience", "from-property", "portcullis.realm", "  ",
        "portcullis.client.orders.client-id", " shop ");
    SettingsSource settings = new SettingsSource(properties::get, Map.of("PORTCULLIS_AUDIENCE", "from-env",
        "PORTCULLIS_REALM", "env-realm", "PORTCULLIS_ISSUER", " "));

    assertEquals("from-property", settings.text("audience"));
    assertEquals("portcullis.audience", settings.source("audience"));
    assertEquals("env-realm", settings.text("realm"));
    assertEquals("PORTCULLIS_REALM", settings.source("realm"));
    assertNull(settings.text("issuer"));
    assertEquals("shop", settings.text("client.orders.client-id"));
    assertNull(SettingsSource.none().text("audience"));
  }

  @Test
  void aKeyTheWarningDoesNotKnowCannotBeRead() {
    SettingsSource settings = new SettingsSource(key -> null, Map.of());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> settings.text("audiance"));
    assertEquals("Portcullis reads no key audiance; list it in SettingNames.", e.getMessage());
  }
}
