package dev.portcullis.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.internal.settings.SettingValues;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Settings from code, system properties and environment, and the messages when they are wrong. */
class OAuthClientSettingsConfigurationTest {
  private final Map<String, String> properties = new HashMap<>();
  private final Map<String, String> environment = new HashMap<>();

  private OAuthClientSettings.Builder builder(String name) {
    return OAuthClientSettings.builder(name).configurationSources(properties::get, environment);
  }

  @Test
  void everyValueCanComeFromSystemProperties() {
    properties.put("portcullis.client.orders.token-endpoint", "https://as.example/token");
    properties.put("portcullis.client.orders.client-id", "billing");
    properties.put("portcullis.client.orders.client-secret", "s3cret");
    properties.put("portcullis.client.orders.client-auth", "client_secret_post");
    properties.put("portcullis.client.orders.scopes", "orders:read, orders:write");
    properties.put("portcullis.client.orders.audience", "orders-api");
    properties.put("portcullis.client.orders.resource", "https://orders.example/");
    properties.put("portcullis.client.orders.refresh-ahead", "2m");
    properties.put("portcullis.client.orders.default-lifetime", "PT10M");
    properties.put("portcullis.client.orders.connect-timeout", "250ms");
    properties.put("portcullis.client.orders.read-timeout", "3s");
    properties.put("portcullis.client.orders.max-attempts", "5");
    properties.put("portcullis.client.orders.retry-backoff", "1s");

    OAuthClientSettings settings = builder("orders").build();

    assertEquals(Optional.of(URI.create("https://as.example/token")), settings.tokenEndpoint());
    assertEquals("billing", settings.clientId());
    assertEquals(ClientAuthenticationMethod.CLIENT_SECRET_POST,
        settings.authentication().method());
    assertEquals(Set.of("orders:read", "orders:write"), settings.scopes());
    assertEquals(List.of("orders-api"), settings.audiences());
    assertEquals(List.of(URI.create("https://orders.example/")), settings.resources());
    assertEquals(Duration.ofMinutes(2), settings.refreshAhead());
    assertEquals(Duration.ofMinutes(10), settings.defaultLifetime());
    assertEquals(Duration.ofMillis(250), settings.connectTimeout());
    assertEquals(Duration.ofSeconds(3), settings.readTimeout());
    assertEquals(5, settings.maxAttempts());
    assertEquals(Duration.ofSeconds(1), settings.retryBackoff());
  }

  @Test
  void theDeviceCodeGrantAndItsEndpointCanComeFromConfiguration() {
    properties.put("portcullis.client.cli.token-endpoint", "https://as.example/token");
    properties.put("portcullis.client.cli.client-id", "cli");
    properties.put("portcullis.client.cli.grant", "device_code");
    properties.put("portcullis.client.cli.device-authorization-endpoint",
        "https://as.example/device");

    OAuthClientSettings settings = builder("cli").build();

    assertEquals(Grant.deviceCode(), settings.grant());
    assertEquals(URI.create("https://as.example/device"),
        settings.deviceAuthorizationEndpoint().orElseThrow());
  }

  @Test
  void environmentNamesAreUpperCaseWithDotsAndDashesAsUnderscores() {
    environment.put("PORTCULLIS_CLIENT_ORDERS_V2_TOKEN_ENDPOINT", "https://as.example/token");
    environment.put("PORTCULLIS_CLIENT_ORDERS_V2_CLIENT_ID", "from-env");
    environment.put("PORTCULLIS_CLIENT_ORDERS_V2_CLIENT_SECRET", "s3cret");

    OAuthClientSettings settings = builder("orders-v2").build();

    assertEquals("from-env", settings.clientId());
    assertEquals(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
        settings.authentication().method(), "a secret alone means client_secret_basic");
  }

  @Test
  void codeWinsOverPropertiesWhichWinOverEnvironment() {
    environment.put("PORTCULLIS_CLIENT_ORDERS_TOKEN_ENDPOINT", "https://env.example/token");
    environment.put("PORTCULLIS_CLIENT_ORDERS_CLIENT_ID", "env-id");
    environment.put("PORTCULLIS_CLIENT_ORDERS_CLIENT_SECRET", "env-secret");
    environment.put("PORTCULLIS_CLIENT_ORDERS_REFRESH_AHEAD", "10s");
    properties.put("portcullis.client.orders.client-id", "property-id");
    properties.put("portcullis.client.orders.refresh-ahead", "20s");

    OAuthClientSettings settings = builder("orders").refreshAhead(Duration.ofSeconds(30)).build();

    assertEquals(URI.create("https://env.example/token"), settings.tokenEndpoint().orElseThrow());
    assertEquals("property-id", settings.clientId());
    assertEquals(Duration.ofSeconds(30), settings.refreshAhead());
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    OAuthClientSettings settings = OAuthClientSettings.builder()
        .tokenEndpoint("https://as.example/token").clientId("c")
        .authentication(ClientAuthentication.clientSecretBasic("s")).build();

    assertEquals(Duration.ofSeconds(60), settings.refreshAhead());
    assertEquals(Duration.ofSeconds(300), settings.defaultLifetime());
    assertEquals(Duration.ofSeconds(5), settings.connectTimeout());
    assertEquals(Duration.ofSeconds(10), settings.readTimeout());
    assertEquals(3, settings.maxAttempts());
    assertEquals(Duration.ofMillis(200), settings.retryBackoff());
    assertEquals(Grant.clientCredentials(), settings.grant());
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({"30s, PT30S", "5m, PT5M", "250ms, PT0.25S", "1h, PT1H", "PT45S, PT45S",
      "pt2m, PT2M"})
  void durationsAcceptShortFormsAndIso8601(String text, String expected) {
    assertEquals(Duration.parse(expected),
        SettingValues.duration("key", text, ClientConfigurationException::new));
  }

  @Test
  void wrongDurationNamesTheKeyAndShowsTheFormat() {
    properties.put("portcullis.client.orders.token-endpoint", "https://as.example/token");
    properties.put("portcullis.client.orders.client-id", "billing");
    properties.put("portcullis.client.orders.client-secret", "s");
    environment.put("PORTCULLIS_CLIENT_ORDERS_REFRESH_AHEAD", "5 minutes");

    ClientConfigurationException e = assertThrows(ClientConfigurationException.class,
        () -> builder("orders").build());

    // The resource server's wording, with the name the value was read under.
    assertEquals("PORTCULLIS_CLIENT_ORDERS_REFRESH_AHEAD is \"5 minutes\", which is not a duration; use a"
        + " value such as 30s, 5m or PT1M.", e.getMessage());
  }

  @Test
  void missingClientIdNamesBothKeysAndTheBuilderMethod() {
    properties.put("portcullis.client.orders.issuer", "https://as.example");

    ClientConfigurationException e = assertThrows(ClientConfigurationException.class,
        () -> builder("orders").build());

    assertEquals("The OAuth client \"orders\" has no client id. Set"
        + " portcullis.client.orders.client-id (or PORTCULLIS_CLIENT_ORDERS_CLIENT_ID), or call"
        + " clientId(...) on the builder.", e.getMessage());
  }

  @Test
  void missingIssuerAndTokenEndpointExplainsBothWays() {
    ClientConfigurationException e = assertThrows(ClientConfigurationException.class,
        () -> builder("orders").clientId("c").build());

    assertTrue(e.getMessage().contains("portcullis.client.orders.issuer"), e.getMessage());
    assertTrue(e.getMessage().contains("PORTCULLIS_CLIENT_ORDERS_TOKEN_ENDPOINT"),
        e.getMessage());
  }

  @Test
  void unknownAuthenticationMethodListsTheSupportedOnes() {
    properties.put("portcullis.client.orders.token-endpoint", "https://as.example/token");
    properties.put("portcullis.client.orders.client-id", "billing");
    properties.put("portcullis.client.orders.client-auth", "attest_jwt_client_auth");

    ClientConfigurationException e = assertThrows(ClientConfigurationException.class,
        () -> builder("orders").build());

    assertTrue(e.getMessage().startsWith("The client authentication method \"attest_jwt_client_auth\""
        + " in portcullis.client.orders.client-auth is not supported. Use one of"
        + " client_secret_basic, client_secret_post"), e.getMessage());
  }

  @Test
  void secretMethodWithoutSecretNamesTheSecretKey() {
    properties.put("portcullis.client.orders.token-endpoint", "https://as.example/token");
    properties.put("portcullis.client.orders.client-id", "billing");
    properties.put("portcullis.client.orders.client-auth", "client_secret_basic");

    ClientConfigurationException e = assertThrows(ClientConfigurationException.class,
        () -> builder("orders").build());

    assertTrue(e.getMessage().contains("portcullis.client.orders.client-secret"), e.getMessage());
  }

  @Test
  void clientCredentialsWithoutCredentialsFailsAtBuild() {
    ClientConfigurationException e = assertThrows(ClientConfigurationException.class,
        () -> OAuthClientSettings.builder().tokenEndpoint("https://as.example/token")
            .clientId("c").authentication(ClientAuthentication.none()).build());

    assertTrue(e.getMessage().contains("client_credentials grant"), e.getMessage());
  }

  @Test
  void privateKeyFileFromConfigurationMeansPrivateKeyJwt() {
    properties.put("portcullis.client.orders.token-endpoint", "https://as.example/token");
    properties.put("portcullis.client.orders.client-id", "billing");
    properties.put("portcullis.client.orders.private-key", Keys.file("rsa-pkcs1.pem").toString());
    properties.put("portcullis.client.orders.key-id", "k1");
    properties.put("portcullis.client.orders.signing-algorithm", "ps256");

    OAuthClientSettings settings = builder("orders").build();

    assertEquals(ClientAuthenticationMethod.PRIVATE_KEY_JWT, settings.authentication().method());
    assertTrue(settings.authentication().toString().contains("kid=k1, alg=PS256"),
        settings.authentication().toString());
  }

  @Test
  void unreadableKeyFileNamesTheFile() {
    properties.put("portcullis.client.orders.token-endpoint", "https://as.example/token");
    properties.put("portcullis.client.orders.client-id", "billing");
    properties.put("portcullis.client.orders.private-key", "/no/such/key.pem");

    ClientConfigurationException e = assertThrows(ClientConfigurationException.class,
        () -> builder("orders").build());

    assertTrue(e.getMessage().startsWith("The client key file /no/such/key.pem could not be"
        + " read"), e.getMessage());
  }

  @Test
  void algorithmThatDoesNotFitTheKeyIsRejected() {
    ClientConfigurationException e = assertThrows(ClientConfigurationException.class,
        () -> ClientKey.fromFile(Keys.file("ec-sec1.pem"), null).withAlgorithm("RS256"));

    assertTrue(e.getMessage().contains("does not fit this EC key"), e.getMessage());
  }

  @Test
  void tokenExchangeCannotBeConfiguredByKeyAndSaysSo() {
    properties.put("portcullis.client.orders.token-endpoint", "https://as.example/token");
    properties.put("portcullis.client.orders.client-id", "billing");
    properties.put("portcullis.client.orders.client-secret", "s");
    properties.put("portcullis.client.orders.grant", "token_exchange");

    ClientConfigurationException e = assertThrows(ClientConfigurationException.class,
        () -> builder("orders").build());

    assertTrue(e.getMessage().contains("portcullis.client.orders.grant"), e.getMessage());
    assertTrue(e.getMessage().contains("grant(...)"), e.getMessage());
  }

  @Test
  void tokenExchangeForTheCallerCanBeConfiguredByKey() {
    properties.put("portcullis.client.orders.token-endpoint", "https://as.example/token");
    properties.put("portcullis.client.orders.client-id", "billing");
    properties.put("portcullis.client.orders.client-secret", "s");
    properties.put("portcullis.client.orders.grant", "token_exchange_for_caller");
    properties.put("portcullis.client.orders.audience", "orders-api");

    OAuthClientSettings settings = builder("orders").build();

    assertTrue(settings.grant() instanceof Grant.TokenExchange exchange
        && exchange.subjectTokenType().equals(Grant.ACCESS_TOKEN_TYPE), settings::toString);
    assertEquals(List.of("orders-api"), settings.audiences());
  }

  @Test
  void invalidClientNameIsRejected() {
    assertThrows(ClientConfigurationException.class, () -> OAuthClientSettings.builder("a.b"));
  }

  @Test
  void plainHttpToAnotherHostIsRefusedWithTheWayToAllowIt() {
    ClientConfigurationException e = assertThrows(ClientConfigurationException.class,
        () -> builder("orders").tokenEndpoint("http://as.example/token").clientId("c")
            .authentication(ClientAuthentication.clientSecretBasic("s")).build());

    assertEquals("The token endpoint URL http://as.example/token does not use https, so secrets"
        + " and tokens would cross the network unencrypted. Use an https URL, or on a trusted"
        + " network set portcullis.client.orders.allow-insecure-http=true (or"
        + " PORTCULLIS_CLIENT_ORDERS_ALLOW_INSECURE_HTTP=true), or call allowInsecureHttp(true)"
        + " on the builder.", e.getMessage());
  }

  @Test
  void plainHttpIsAcceptedForLoopbackOrWhenAllowed() {
    properties.put("portcullis.client.orders.allow-insecure-http", "true");
    OAuthClientSettings allowed = builder("orders").tokenEndpoint("http://as.example/token")
        .clientId("c").authentication(ClientAuthentication.clientSecretBasic("s")).build();
    OAuthClientSettings loopback = OAuthClientSettings.builder()
        .issuer("http://127.0.0.1:8080/default").clientId("c")
        .authentication(ClientAuthentication.clientSecretBasic("s")).build();

    assertTrue(allowed.allowInsecureHttp());
    assertEquals(URI.create("http://127.0.0.1:8080/default"), loopback.issuer().orElseThrow());
  }

  @Test
  void attemptsMustBeAPositiveWholeNumber() {
    properties.put("portcullis.client.orders.token-endpoint", "https://as.example/token");
    properties.put("portcullis.client.orders.client-id", "billing");
    properties.put("portcullis.client.orders.client-secret", "s");
    properties.put("portcullis.client.orders.max-attempts", "0");
    assertEquals("portcullis.client.orders.max-attempts is \"0\", which is not a positive whole number; use a"
        + " value such as 3.", assertThrows(ClientConfigurationException.class, () -> builder("orders").build())
            .getMessage());
    properties.put("portcullis.client.orders.max-attempts", "three");
    assertEquals("portcullis.client.orders.max-attempts is \"three\", which is not a whole number; use a value"
        + " such as 10000.", assertThrows(ClientConfigurationException.class, () -> builder("orders").build())
            .getMessage());
  }

  @Test
  void nonBooleanFlagIsRejected() {
    properties.put("portcullis.client.orders.allow-insecure-http", "yes");

    ClientConfigurationException e = assertThrows(ClientConfigurationException.class,
        () -> builder("orders").build());

    assertEquals("portcullis.client.orders.allow-insecure-http is \"yes\", which is not a boolean; use true"
        + " or false.", e.getMessage());
  }

  @Test
  void urlWithAnotherSchemeIsRejected() {
    properties.put("portcullis.client.orders.issuer", "ftp://as.example");

    ClientConfigurationException e = assertThrows(ClientConfigurationException.class,
        () -> builder("orders").build());

    assertTrue(e.getMessage().startsWith("The value \"ftp://as.example\" of"
        + " portcullis.client.orders.issuer is not an absolute http(s) URL."), e.getMessage());
  }

  @Test
  void scopeWithASpaceIsRejectedWithTheWayToListScopes() {
    ClientConfigurationException e = assertThrows(ClientConfigurationException.class,
        () -> OAuthClientSettings.builder().tokenEndpoint("https://as.example/token")
            .clientId("c").authentication(ClientAuthentication.clientSecretBasic("s"))
            .scopes("orders:read orders:write").build());

    assertTrue(e.getMessage().startsWith("The OAuth client requests the scope \"orders:read"
        + " orders:write\", which is not a valid scope token"), e.getMessage());
  }

  @Test
  void nonPositiveTimeoutNamesTheKeyAndTheBuilderMethod() {
    properties.put("portcullis.client.orders.token-endpoint", "https://as.example/token");
    properties.put("portcullis.client.orders.client-id", "billing");
    properties.put("portcullis.client.orders.client-secret", "s");
    properties.put("portcullis.client.orders.read-timeout", "0s");

    ClientConfigurationException e = assertThrows(ClientConfigurationException.class,
        () -> builder("orders").build());

    assertEquals("The OAuth client \"orders\" has read-timeout PT0S, which must be positive."
        + " Set portcullis.client.orders.read-timeout (or PORTCULLIS_CLIENT_ORDERS_READ_TIMEOUT),"
        + " or call readTimeout(...) on the builder.", e.getMessage());
  }
}
