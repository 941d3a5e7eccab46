package dev.portcullis.internal.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A portcullis.* or PORTCULLIS_* name that names no setting is one warning, with the closest setting. */
class SettingNamesTest {

  private static List<String> properties(String... names) {
    return SettingNames.unknown(Set.of(names), Set.of());
  }

  private static List<String> environment(String... names) {
    return SettingNames.unknown(Set.of(), Set.of(names));
  }

  @Test
  void aMisspeltPropertyIsNamedWithTheSettingItProbablyMeans() {
    assertEquals(List.of("Portcullis does not know the system property portcullis.audiance and ignores it. Did you"
        + " mean portcullis.audience?"), properties("portcullis.audiance"));
    assertEquals(List.of("Portcullis does not know the system property portcullis.clock_skew and ignores it. Did you"
        + " mean portcullis.clock-skew?"), properties("portcullis.clock_skew"));
  }

  @Test
  void aMisspeltEnvironmentVariableIsNamedWithTheVariableItProbablyMeans() {
    assertEquals(List.of("Portcullis does not know the environment variable PORTCULLIS_AUDIANCE and ignores it. Did"
        + " you mean PORTCULLIS_AUDIENCE?"), environment("PORTCULLIS_AUDIANCE"));
    assertEquals(List.of("Portcullis does not know the environment variable PORTCULLIS_JWKS_URL and ignores it. Did"
        + " you mean PORTCULLIS_JWKS_URI?"), environment("PORTCULLIS_JWKS_URL"));
  }

  @Test
  void aNameFarFromEverySettingPointsAtTheList() {
    assertEquals(List.of("Portcullis does not know the system property portcullis.colour and ignores it; the"
        + " settings it reads are listed in docs/configuration.md."), properties("portcullis.colour"));
  }

  @Test
  void everySettingAndEveryClientSettingIsKnown() {
    for (String key : SettingNames.SERVER) {
      assertEquals(List.of(), properties("portcullis." + key), key);
      assertEquals(List.of(), environment(SettingNames.environmentName(key)), key);
    }
    for (String key : SettingNames.CLIENT) {
      assertEquals(List.of(), properties("portcullis.client.orders-reader." + key), key);
      assertEquals(List.of(), environment(SettingNames.environmentName("client.orders-reader." + key)), key);
    }
  }

  @Test
  void otherNamesAreNotPortcullisBusiness() {
    assertEquals(List.of(), SettingNames.unknown(Set.of("java.version", "portcullisx", "app.portcullis.issuer"),
        Set.of("PATH", "PORT", "MY_PORTCULLIS_ISSUER")));
  }

  @Test
  void aMisspeltClientKeyKeepsTheClientName() {
    assertEquals(List.of("Portcullis does not know the system property portcullis.client.orders.client-secert and"
        + " ignores it. Did you mean portcullis.client.orders.client-secret?"),
        properties("portcullis.client.orders.client-secert"));
    assertEquals(List.of("Portcullis does not know the environment variable PORTCULLIS_CLIENT_ORDERS_READER_CLEINT_ID"
        + " and ignores it. Did you mean PORTCULLIS_CLIENT_ORDERS_READER_CLIENT_ID?"),
        environment("PORTCULLIS_CLIENT_ORDERS_READER_CLEINT_ID"));
  }

  @Test
  void theApplicationPropertyIsExplainedWhereItBelongs() {
    assertEquals(List.of("Portcullis does not read the system property portcullis.require-feature: it is an"
        + " application property; set it on the JAX-RS application, for example"
        + " ResourceConfig.property(\"portcullis.require-feature\", false) on Jersey, or in the map"
        + " Application.getProperties() returns."), properties("portcullis.require-feature"));
  }

  @Test
  void oneWarningPerNameInNameOrder() {
    assertEquals(List.of(
            "Portcullis does not know the system property portcullis.audiance and ignores it. Did you mean"
                + " portcullis.audience?",
            "Portcullis does not know the system property portcullis.isuer and ignores it. Did you mean"
                + " portcullis.issuer?",
            "Portcullis does not know the environment variable PORTCULLIS_REALMS and ignores it. Did you mean"
                + " PORTCULLIS_REALM?"),
        SettingNames.unknown(Set.of("portcullis.isuer", "portcullis.audiance", "portcullis.audience"),
            Set.of("PORTCULLIS_REALMS", "PORTCULLIS_ISSUER")));
  }
}
