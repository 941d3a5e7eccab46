package dev.portcullis.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code dpop} and {@code dpop-key} client settings, from code, properties and environment. */
class DpopSettingsTest {
  private final Map<String, String> properties = new HashMap<>();
  private final Map<String, String> environment = new HashMap<>();

  private OAuthClientSettings.Builder builder() {
    return OAuthClientSettings.builder("orders").configurationSources(properties::get, environment)
        .tokenEndpoint("https://as.example/token").clientId("billing")
        .authentication(ClientAuthentication.clientSecretBasic("s3cret"));
  }

  @Test
  void dpopIsOffByDefault() {
    OAuthClientSettings settings = builder().build();

    assertFalse(settings.dpop());
    assertTrue(settings.dpopKey().isEmpty());
  }

  @Test
  void dpopIsTurnedOnByProperty() {
    properties.put("portcullis.client.orders.dpop", "true");

    OAuthClientSettings settings = builder().build();

    assertTrue(settings.dpop());
    assertTrue(settings.dpopKey().isEmpty(), "each TokenClient generates its own");
  }

  @Test
  void dpopKeyFileFromTheEnvironmentTurnsDpopOn() throws Exception {
    ECKey jwk = new ECKeyGenerator(Curve.P_256).generate();
    Path file = Files.createTempFile("dpop", ".jwk");
    Files.writeString(file, jwk.toJSONString());
    environment.put("PORTCULLIS_CLIENT_ORDERS_DPOP_KEY", file.toString());

    OAuthClientSettings settings = builder().build();

    assertTrue(settings.dpop());
    assertEquals(jwk.computeThumbprint().toString(), settings.dpopKey().orElseThrow().thumbprint());
    assertFalse(settings.toString().contains(jwk.getD().toString()), settings.toString());
    assertTrue(settings.toString().contains(jwk.computeThumbprint().toString()), settings.toString());
  }

  @Test
  void aKeyWithDpopTurnedOffIsAMistakeNamingTheKey() throws Exception {
    properties.put("portcullis.client.orders.dpop", "false");

    ClientConfigurationException e = assertThrows(ClientConfigurationException.class,
        () -> builder().dpopKey(DpopKey.generate()).build());

    assertEquals("The OAuth client \"orders\" has a DPoP key but DPoP turned off. Turn DPoP on"
        + " (set portcullis.client.orders.dpop (or PORTCULLIS_CLIENT_ORDERS_DPOP), or call"
        + " dpop(true) on the builder), or remove the key.", e.getMessage());
  }

  @Test
  void aWrongDpopValueNamesTheKey() {
    properties.put("portcullis.client.orders.dpop", "yes please");

    ClientConfigurationException e = assertThrows(ClientConfigurationException.class,
        () -> builder().build());

    assertTrue(e.getMessage().contains("portcullis.client.orders.dpop"), e.getMessage());
  }

  @Test
  void codeWinsOverConfiguration() {
    properties.put("portcullis.client.orders.dpop", "true");

    assertFalse(builder().dpop(false).build().dpop());
  }

  @Test
  void withScopesKeepsDpop() {
    DpopKey key = DpopKey.generate();

    OAuthClientSettings scoped = builder().dpopKey(key).build().withScopes(java.util.Set.of("a"));

    assertTrue(scoped.dpop());
    assertEquals(key, scoped.dpopKey().orElseThrow());
  }
}
