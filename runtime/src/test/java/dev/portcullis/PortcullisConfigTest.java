package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.internal.introspection.IntrospectionSettings;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Configuration precedence and messages, with injected properties and environment. */
class PortcullisConfigTest {
  private final Map<String, String> properties = new HashMap<>();
  private final Map<String, String> environment = new HashMap<>();

  private PortcullisConfig.Builder builder() {
    return PortcullisConfig.builder(properties::get, environment);
  }

  private String failure(PortcullisConfig.Builder builder) {
    return assertThrows(PortcullisConfigException.class, builder::build).getMessage();
  }

  @Test
  void theCodeOnlyBuilderReadsNoSystemProperty() {
    System.setProperty("portcullis.clock-skew", "not-a-duration");
    try {
      PortcullisConfig config = PortcullisConfig.builder()
          .issuer("https://idp.example.com").audience("orders-api").build();
      assertEquals(Duration.ofSeconds(60), config.clockSkew());
      assertEquals("portcullis.clock-skew is \"not-a-duration\", which is not a duration; use a value such as"
          + " 30s, 5m or PT1M.", failure(PortcullisConfig.builderFromEnvironment()
              .issuer("https://idp.example.com").audience("orders-api")));
    } finally {
      System.clearProperty("portcullis.clock-skew");
    }
  }

  @Test
  void codeWinsOverPropertiesWhichWinOverEnvironment() {
    environment.put("PORTCULLIS_AUDIENCE", "from-env");
    environment.put("PORTCULLIS_ISSUER", "https://env.example.com");
    environment.put("PORTCULLIS_CLOCK_SKEW", "10s");
    properties.put("portcullis.audience", "from-property");
    properties.put("portcullis.clock-skew", "20s");
    PortcullisConfig config = builder().clockSkew(Duration.ofSeconds(30)).build();
    assertEquals("from-property", config.audience());
    assertEquals(URI.create("https://env.example.com"), config.issuer().orElseThrow());
    assertEquals(Duration.ofSeconds(30), config.clockSkew());
    assertEquals("from-code", builder().audience("from-code").build().audience());
  }

  @Test
  void environmentNamesAreUpperCaseWithUnderscores() {
    environment.put("PORTCULLIS_JWKS_URI", "https://idp.example.com/keys");
    environment.put("PORTCULLIS_ACCEPT_ANY_ISSUER", "true");
    environment.put("PORTCULLIS_AUDIENCE", "orders-api");
    environment.put("PORTCULLIS_STRICT_TOKEN_TYPE", "TRUE");
    environment.put("PORTCULLIS_SCOPE_IN_CHALLENGE", "false");
    environment.put("PORTCULLIS_ALGORITHMS", "RS256, ES256");
    environment.put("PORTCULLIS_HTTP_TIMEOUT", "PT2S");
    PortcullisConfig config = builder().build();
    assertEquals(URI.create("https://idp.example.com/keys"), config.jwksUri().orElseThrow());
    assertTrue(config.acceptAnyIssuer());
    assertTrue(config.strictTokenType());
    assertFalse(config.scopeInChallenge());
    assertEquals(Set.of("RS256", "ES256"), config.algorithms());
    assertEquals(Duration.ofSeconds(2), config.httpTimeout());
  }

  @Test
  void scopeAndRoleClaimsDefaultToScopeAndScpAndAreReadFromTheEnvironment() {
    PortcullisConfig defaults = PortcullisConfig.builder().issuer("https://idp.example.com").audience("a").build();
    assertEquals(List.of("scope", "scp"), defaults.scopeClaims());
    assertEquals(List.of("scope", "scp"), defaults.roleClaims());

    environment.put("PORTCULLIS_ISSUER", "https://idp.example.com");
    environment.put("PORTCULLIS_AUDIENCE", "orders-api");
    environment.put("PORTCULLIS_SCOPE_CLAIMS", "scope, realm_access/roles");
    environment.put("PORTCULLIS_ROLE_CLAIMS", "\"https://example.com/roles\"");
    PortcullisConfig config = builder().build();
    assertEquals(List.of("scope", "realm_access/roles"), config.scopeClaims());
    assertEquals(List.of("\"https://example.com/roles\""), config.roleClaims());
    assertEquals(List.of("permissions"), PortcullisConfig.builder().issuer("https://idp.example.com").audience("a")
        .scopeClaims("permissions").build().roleClaims());
  }

  @Test
  void malformedClaimPathsFailNamingTheSetting() {
    environment.put("PORTCULLIS_ISSUER", "https://idp.example.com");
    environment.put("PORTCULLIS_AUDIENCE", "orders-api");
    environment.put("PORTCULLIS_ROLE_CLAIMS", "realm_access//roles");
    assertEquals("portcullis.role-claims names the claim path \"realm_access//roles\", which is malformed: it has an"
        + " empty claim name. Join nested claim names with /, as in realm_access/roles, and put a name that contains"
        + " a / in double quotes.", failure(builder()));
    assertEquals("portcullis.scope-claims names no claim; name at least one, such as scope,scp.",
        failure(builder().scopeClaims()));
  }

  @Test
  void severalIssuersFromTheEnvironmentShareTheCommonSettings() {
    environment.put("PORTCULLIS_ISSUERS", "https://staff.example.com, https://partners.example.com/v2");
    environment.put("PORTCULLIS_AUDIENCE", "orders-api");
    environment.put("PORTCULLIS_SCOPE_CLAIMS", "scope,roles");
    PortcullisConfig config = builder().build();

    assertEquals(2, config.trustedIssuers().size());
    TrustedIssuer partners = config.trustedIssuers().get(1);
    assertEquals(URI.create("https://partners.example.com/v2"), partners.issuer().orElseThrow());
    assertEquals("orders-api", partners.audience().orElseThrow());
    assertEquals(List.of("scope", "roles"), partners.scopeClaims().orElseThrow());
    assertEquals(List.of("scope", "roles"), partners.roleClaims().orElseThrow());
    assertTrue(config.issuer().isEmpty());
    assertEquals("orders-api", config.realm());
  }

  @Test
  void aTrustedIssuerKeepsWhatItSetsItself() {
    PortcullisConfig config = PortcullisConfig.builder()
        .trustedIssuer(TrustedIssuer.builder("https://staff.example.com").audience("staff-api")
            .jwksUri(URI.create("https://staff.example.com/keys")).roleClaims("realm_access/roles").build())
        .trustedIssuer(TrustedIssuer.builder("https://partners.example.com").audience("partner-api").build())
        .build();

    TrustedIssuer staff = config.trustedIssuers().get(0);
    assertEquals("staff-api", staff.audience().orElseThrow());
    assertEquals(URI.create("https://staff.example.com/keys"), staff.jwksUri().orElseThrow());
    assertEquals(List.of("scope", "scp"), staff.scopeClaims().orElseThrow());
    assertEquals(List.of("realm_access/roles"), staff.roleClaims().orElseThrow());
    assertEquals(null, config.audience());
    assertEquals("staff-api", config.realm());
  }

  @Test
  void oneIssuerIsATrustedIssuerToo() {
    PortcullisConfig config = PortcullisConfig.builder().issuer("https://idp.example.com").audience("orders-api").build();

    assertEquals(1, config.trustedIssuers().size());
    assertEquals(URI.create("https://idp.example.com"), config.trustedIssuers().get(0).issuer().orElseThrow());
    assertEquals("orders-api", config.trustedIssuers().get(0).audience().orElseThrow());
  }

  @Test
  void severalIssuersRefuseWhatContradictsThem() {
    assertEquals("Both portcullis.issuer and several trusted issuers are configured; set portcullis.issuer for one"
        + " issuer, or portcullis.issuers (environment PORTCULLIS_ISSUERS) (or trusted issuers in code) for several,"
        + " not both.", failure(PortcullisConfig.builder().issuer("https://a.example.com").audience("x")
            .issuers("https://b.example.com")));
    assertEquals("The trusted issuer https://a.example.com is configured twice; configure each issuer once, with"
        + " everything that differs for it in its TrustedIssuer.", failure(PortcullisConfig.builder().audience("x")
            .issuers("https://a.example.com", "https://a.example.com")));
    assertTrue(failure(PortcullisConfig.builder().audience("x").issuers("https://a.example.com")
        .acceptAnyIssuer(true)).startsWith("portcullis.accept-any-issuer is true, but trusted issuers are configured"));
    assertTrue(failure(PortcullisConfig.builder().issuers("https://a.example.com")
        .trustedIssuer(TrustedIssuer.builder("https://b.example.com").audience("b").build()))
        .startsWith("Portcullis needs the audience of this API"));
    assertTrue(failure(PortcullisConfig.builder().audience("x").issuers("http://a.example.com"))
        .startsWith("portcullis.issuers is \"http://a.example.com\", a plain http URL"));
    PortcullisConfigException notAUrl = assertThrows(PortcullisConfigException.class,
        () -> PortcullisConfig.builder().issuers("a.example.com"));
    assertTrue(notAUrl.getMessage().startsWith("portcullis.issuers is \"a.example.com\", which is not an absolute"),
        notAUrl.getMessage());
    assertTrue(failure(PortcullisConfig.builder().audience("x")
        .trustedIssuer(TrustedIssuer.builder("https://a.example.com").scopeClaims("a//b").build()))
        .startsWith("the scope claims of the trusted issuer https://a.example.com names the claim path \"a//b\""));
  }

  @Test
  void tokenCacheSizeDefaultsTo10000AndCanBeTurnedOff() {
    assertEquals(10_000, builder().issuer("https://idp.example.com").audience("a").build().tokenCacheSize());
    environment.put("PORTCULLIS_TOKEN_CACHE_SIZE", "0");
    assertEquals(0, builder().issuer("https://idp.example.com").audience("a").build().tokenCacheSize());
    properties.put("portcullis.token-cache-size", "50_000");
    assertEquals(50_000, builder().issuer("https://idp.example.com").audience("a").build().tokenCacheSize());
    assertEquals(7, builder().issuer("https://idp.example.com").audience("a").tokenCacheSize(7).build()
        .tokenCacheSize());
  }

  @Test
  void tokenCacheSizeMustBeAWholeNumberInRange() {
    properties.put("portcullis.token-cache-size", "lots");
    assertEquals("portcullis.token-cache-size is \"lots\", which is not a whole number; use a value such as 10000.",
        failure(builder().issuer("https://idp.example.com").audience("a")));
    assertTrue(failure(builder().issuer("https://idp.example.com").audience("a").tokenCacheSize(-1))
        .startsWith("portcullis.token-cache-size is -1, which is outside 0 to 10000000"));
  }

  @Test
  void maxTokenSizeDefaultsTo8KiBAndIsReadFromPropertiesAndEnvironment() {
    assertEquals(8_192, builder().issuer("https://idp.example.com").audience("a").build().maxTokenSize());
    environment.put("PORTCULLIS_MAX_TOKEN_SIZE", "16384");
    assertEquals(16_384, builder().issuer("https://idp.example.com").audience("a").build().maxTokenSize());
    properties.put("portcullis.max-token-size", "4096");
    assertEquals(4_096, builder().issuer("https://idp.example.com").audience("a").build().maxTokenSize());
    assertEquals(2_048, builder().issuer("https://idp.example.com").audience("a").maxTokenSize(2_048).build()
        .maxTokenSize());
  }

  @Test
  void maxTokenSizeMustBeAWholeNumberInRange() {
    assertEquals("portcullis.max-token-size is 100, which is outside 1024 to 1048576 bytes; use a value such as 8192.",
        failure(builder().issuer("https://idp.example.com").audience("a").maxTokenSize(100)));
    properties.put("portcullis.max-token-size", "8KB");
    assertTrue(failure(builder().issuer("https://idp.example.com").audience("a"))
        .startsWith("portcullis.max-token-size is \"8KB\", which is not a whole number"));
  }

  @Test
  void resourceMetadataIsServedOnlyForAConfiguredResource() {
    PortcullisConfig.Builder noResource = builder().issuer("https://idp.example.com").audience("a");
    assertFalse(noResource.build().resourceMetadata());
    assertTrue(noResource.build().resourceMetadataLacksResource());
    PortcullisConfig withResource = builder().issuer("https://idp.example.com").audience("a")
        .resource(URI.create("https://api.example.com")).build();
    assertTrue(withResource.resourceMetadata());
    assertFalse(withResource.resourceMetadataLacksResource());
    environment.put("PORTCULLIS_RESOURCE_METADATA", "false");
    assertFalse(builder().issuer("https://idp.example.com").audience("a")
        .resource(URI.create("https://api.example.com")).build().resourceMetadata());
    assertFalse(builder().issuer("https://idp.example.com").audience("a").build().resourceMetadataLacksResource(),
        "switched off: nothing to log");
  }

  @Test
  void resourceMetadataWithoutAResourceFailsNamingIt() {
    properties.put("portcullis.resource-metadata", "true");
    String message = failure(builder().issuer("https://idp.example.com").audience("a"));
    assertTrue(message.startsWith("portcullis.resource-metadata is true, but portcullis.resource is not set; set"
        + " portcullis.resource (environment PORTCULLIS_RESOURCE)"), message);
  }

  @Test
  void defaultsAreSecure() {
    PortcullisConfig config = builder().issuer("https://idp.example.com").audience("orders-api").build();
    assertEquals(Duration.ofSeconds(60), config.clockSkew());
    assertEquals(JwsAlgorithms.SUPPORTED, config.algorithms());
    assertEquals("orders-api", config.realm());
    assertFalse(config.strictTokenType());
    assertFalse(config.allowInsecureHttp());
    assertTrue(config.scopeInChallenge());
    assertEquals(Duration.ofSeconds(5), config.httpTimeout());
  }

  @Test
  void missingIssuerAndJwksUriFailsNamingBothKeys() {
    String message = failure(builder().audience("orders-api"));
    assertTrue(message.contains("portcullis.issuer") && message.contains("PORTCULLIS_ISSUER"), message);
    assertTrue(message.contains("portcullis.jwks-uri"), message);
  }

  @Test
  void jwksUriWithoutIssuerFailsUnlessAnyIssuerIsAcceptedExplicitly() {
    URI keys = URI.create("https://idp.example.com/keys");
    String message = failure(builder().jwksUri(keys).audience("orders-api"));
    assertTrue(message.startsWith("Portcullis would accept tokens from any issuer"), message);
    assertTrue(message.contains("portcullis.issuer (environment PORTCULLIS_ISSUER)"), message);
    assertTrue(message.contains("portcullis.accept-any-issuer=true"), message);

    PortcullisConfig config = builder().jwksUri(keys).audience("orders-api").acceptAnyIssuer(true).build();
    assertTrue(config.acceptAnyIssuer());
    assertTrue(config.issuer().isEmpty());
    assertFalse(builder().jwksUri(keys).issuer("https://idp.example.com").audience("a").build().acceptAnyIssuer());
  }

  @Test
  void acceptingAnyIssuerContradictsAConfiguredIssuer() {
    properties.put("portcullis.accept-any-issuer", "true");
    String message = failure(builder().issuer("https://idp.example.com").audience("a"));
    assertTrue(message.startsWith("portcullis.accept-any-issuer is true, but portcullis.issuer is set too"), message);
  }

  @Test
  void missingAudienceFailsNamingTheKey() {
    String message = failure(builder().issuer("https://idp.example.com"));
    assertTrue(message.contains("portcullis.audience") && message.contains("PORTCULLIS_AUDIENCE"), message);
  }

  @Test
  void badDurationFailsWithAFullSentence() {
    properties.put("portcullis.clock-skew", "abc");
    assertEquals("portcullis.clock-skew is \"abc\", which is not a duration; use a value such as 30s, 5m or PT1M.",
        failure(builder().issuer("https://idp.example.com").audience("a")));
  }

  @Test
  void badBooleanFailsNamingTheKey() {
    environment.put("PORTCULLIS_STRICT_TOKEN_TYPE", "yes");
    String message = failure(builder().issuer("https://idp.example.com").audience("a"));
    assertTrue(message.startsWith("portcullis.strict-token-type is \"yes\""), message);
  }

  @Test
  void plainHttpIssuerOnANonLoopbackHostFailsUnlessAllowed() {
    String message = failure(builder().issuer("http://idp.example.com").audience("a"));
    assertTrue(message.startsWith("portcullis.issuer is \"http://idp.example.com\""), message);
    assertTrue(message.contains("portcullis.allow-insecure-http"), message);
    assertTrue(builder().issuer("http://idp.example.com").audience("a").allowInsecureHttp(true).build()
        .allowInsecureHttp());
  }

  @Test
  void plainHttpJwksUriOnANonLoopbackHostFails() {
    String message = failure(builder().jwksUri(URI.create("http://10.0.0.8/keys")).audience("a"));
    assertTrue(message.startsWith("portcullis.jwks-uri is"), message);
  }

  @Test
  void plainHttpIsAcceptedForLoopbackHosts() {
    for (String issuer : new String[] {"http://localhost:8080", "http://127.0.0.1", "http://127.1.2.3:9", "http://[::1]:80"}) {
      assertEquals(issuer, builder().issuer(issuer).audience("a").build().issuer().orElseThrow().toString());
    }
  }

  @Test
  void relativeOrNonHttpIssuerFails() {
    assertTrue(failure(builder().issuer("idp.example.com").audience("a")).startsWith("portcullis.issuer is"));
    assertTrue(failure(builder().issuer("ftp://idp.example.com").audience("a")).startsWith("portcullis.issuer is"));
  }

  @Test
  void noneAndHmacAlgorithmsCanNeverBeConfigured() {
    for (String alg : new String[] {"none", "HS256", "HS512"}) {
      String message = failure(builder().issuer("https://idp.example.com").audience("a").algorithms(Set.of(alg)));
      assertTrue(message.startsWith("portcullis.algorithms lists \"" + alg + "\""), message);
    }
  }

  @Test
  void negativeClockSkewFails() {
    String message = failure(builder().issuer("https://idp.example.com").audience("a")
        .clockSkew(Duration.ofSeconds(-1)));
    assertTrue(message.startsWith("portcullis.clock-skew"), message);
  }

  @Test
  void introspectionIsOffUnlessAClientIdIsSetAndReadsItsKeysFromTheEnvironment() {
    PortcullisConfig off = builder().issuer("https://idp.example.com").audience("a").build();
    assertFalse(off.introspection());
    assertEquals(Duration.ZERO, off.introspectionCacheTtl());
    environment.put("PORTCULLIS_INTROSPECTION_CLIENT_ID", "orders-api");
    environment.put("PORTCULLIS_INTROSPECTION_CLIENT_SECRET", "orders-api-secret");
    environment.put("PORTCULLIS_INTROSPECTION_CACHE_TTL", "30s");
    environment.put("PORTCULLIS_INTROSPECT_ALL_TOKENS", "true");
    PortcullisConfig on = builder().issuer("https://idp.example.com").audience("a").build();
    assertTrue(on.introspection());
    assertEquals(java.util.Optional.of("orders-api"), on.introspectionClientId());
    assertEquals(java.util.Optional.empty(), on.introspectionEndpoint());
    assertEquals(Duration.ofSeconds(30), on.introspectionCacheTtl());
    assertTrue(on.introspectAllTokens());
    assertEquals("client_secret_basic", on.introspectionSettings().method());
    assertFalse(on.toString().contains("orders-api-secret"), on.toString());
  }

  @Test
  void introspectionSettingsThatCannotWorkAreRefusedWithTheKeyAndTheFix() {
    java.util.function.Supplier<PortcullisConfig.Builder> base =
        () -> builder().issuer("https://idp.example.com").audience("a");
    environment.put("PORTCULLIS_INTROSPECTION_CLIENT_SECRET", "s");
    assertEquals("portcullis.introspection-client-secret is set, but introspection is off because"
        + " portcullis.introspection-client-id is not; set portcullis.introspection-client-id (environment"
        + " PORTCULLIS_INTROSPECTION_CLIENT_ID) to this API's client id at the authorization server to introspect"
        + " tokens, or remove portcullis.introspection-client-secret.", failure(base.get()));
    environment.clear();
    environment.put("PORTCULLIS_INTROSPECTION_CLIENT_ID", "orders-api");
    assertTrue(failure(base.get()).startsWith("Introspection authenticates with client_secret_basic, but"
        + " portcullis.introspection-client-secret is not set;"), failure(base.get()));
    environment.put("PORTCULLIS_INTROSPECTION_CLIENT_AUTH", "private_key_jwt");
    assertTrue(failure(base.get()).contains("portcullis.introspection-private-key is not set"), failure(base.get()));
    environment.put("PORTCULLIS_INTROSPECTION_CLIENT_AUTH", "none");
    assertTrue(failure(base.get()).contains("use one of client_secret_basic, client_secret_post, client_secret_jwt,"
        + " private_key_jwt, tls_client_auth, self_signed_tls_client_auth"), failure(base.get()));
    environment.put("PORTCULLIS_INTROSPECTION_CLIENT_AUTH", "client_secret_post");
    environment.put("PORTCULLIS_INTROSPECTION_CLIENT_SECRET", "s");
    environment.put("PORTCULLIS_INTROSPECTION_CACHE_TTL", "2h");
    assertTrue(failure(base.get()).startsWith("portcullis.introspection-cache-ttl is PT2H, which is outside 0 to 1 hour"));
    environment.remove("PORTCULLIS_INTROSPECTION_CACHE_TTL");
    assertTrue(failure(builder().issuers("https://a.example.com", "https://b.example.com").audience("a"))
        .startsWith("Portcullis cannot discover the introspection endpoint when several issuers are trusted; set"
            + " portcullis.introspection-endpoint"));
    environment.put("PORTCULLIS_INTROSPECTION_ENDPOINT", "https://idp.example.com/introspect");
    environment.put("PORTCULLIS_INTROSPECTION_JWT_RESPONSE", "true");
    assertTrue(failure(builder().issuers("https://a.example.com", "https://b.example.com").audience("a"))
        .startsWith("portcullis.introspection-jwt-response is true, but several issuers are trusted"));
    environment.remove("PORTCULLIS_INTROSPECTION_JWT_RESPONSE");
    environment.put("PORTCULLIS_INTROSPECTION_ENDPOINT", "http://idp.example.com/introspect");
    assertTrue(failure(base.get()).contains("introspection-endpoint"), failure(base.get()));
  }

  @Test
  void introspectionOverMutualTlsReadsTheCertificateKeysAndDefaultsToTlsClientAuthWithThem() {
    environment.put("PORTCULLIS_INTROSPECTION_CLIENT_ID", "orders-api");
    environment.put("PORTCULLIS_INTROSPECTION_TLS_CERTIFICATE", "/run/secrets/api-chain.pem");
    environment.put("PORTCULLIS_INTROSPECTION_TLS_PRIVATE_KEY", "/run/secrets/api-key.pem");
    environment.put("PORTCULLIS_INTROSPECTION_TLS_TRUSTED_CERTIFICATES", "/etc/pki/internal-ca.pem");
    PortcullisConfig pem = builder().issuer("https://idp.example.com").audience("a").build();
    assertEquals("tls_client_auth", pem.introspectionSettings().method());
    assertTrue(pem.introspectionSettings().clientSecret().isEmpty());
    IntrospectionSettings.Tls tls = pem.introspectionSettings().tls().orElseThrow();
    assertEquals(java.nio.file.Path.of("/run/secrets/api-chain.pem"), tls.certificate());
    assertEquals(java.nio.file.Path.of("/run/secrets/api-key.pem"), tls.privateKey());
    assertEquals(java.nio.file.Path.of("/etc/pki/internal-ca.pem"), tls.trustedCertificates());
    assertTrue(tls.presentsCertificate());

    environment.clear();
    environment.put("PORTCULLIS_INTROSPECTION_CLIENT_ID", "orders-api");
    environment.put("PORTCULLIS_INTROSPECTION_CLIENT_AUTH", "Self_Signed_TLS_Client_Auth");
    environment.put("PORTCULLIS_INTROSPECTION_TLS_KEYSTORE", "/run/secrets/api.p12");
    environment.put("PORTCULLIS_INTROSPECTION_TLS_KEYSTORE_PASSWORD", "keystore-password-1");
    PortcullisConfig keyStore = builder().issuer("https://idp.example.com").audience("a").build();
    assertEquals("self_signed_tls_client_auth", keyStore.introspectionSettings().method());
    assertEquals("keystore-password-1", keyStore.introspectionSettings().tls().orElseThrow().keyStorePassword());
    assertFalse(keyStore.toString().contains("keystore-password-1"), keyStore.toString());
    assertTrue(keyStore.toString().contains("/run/secrets/api.p12"), keyStore.toString());

    // Trusted authorities alone, for an authorization server with a private CA: no certificate presented.
    environment.clear();
    environment.put("PORTCULLIS_INTROSPECTION_CLIENT_ID", "orders-api");
    environment.put("PORTCULLIS_INTROSPECTION_CLIENT_SECRET", "orders-api-secret");
    environment.put("PORTCULLIS_INTROSPECTION_TLS_TRUSTED_CERTIFICATES", "/etc/pki/internal-ca.pem");
    PortcullisConfig trustOnly = builder().issuer("https://idp.example.com").audience("a").build();
    assertEquals("client_secret_basic", trustOnly.introspectionSettings().method());
    assertFalse(trustOnly.introspectionSettings().tls().orElseThrow().presentsCertificate());

    environment.remove("PORTCULLIS_INTROSPECTION_CLIENT_SECRET");
    PortcullisConfig fromCode = builder().issuer("https://idp.example.com").audience("a")
        .introspectionWithKeyStore("orders-api", java.nio.file.Path.of("/run/secrets/api.p12"),
            "code-password-2".toCharArray())
        .introspectionClientAuth("self_signed_tls_client_auth")
        .introspectionTrustedCertificates(java.nio.file.Path.of("/etc/pki/other-ca.pem")).build();
    assertEquals("self_signed_tls_client_auth", fromCode.introspectionSettings().method());
    assertEquals(java.nio.file.Path.of("/etc/pki/other-ca.pem"),
        fromCode.introspectionSettings().tls().orElseThrow().trustedCertificates());
    assertFalse(fromCode.toString().contains("code-password-2"), fromCode.toString());
    PortcullisConfig pemFromCode = builder().issuer("https://idp.example.com").audience("a")
        .introspectionWithCertificate("orders-api", java.nio.file.Path.of("chain.pem"),
            java.nio.file.Path.of("key.pem")).build();
    assertEquals("tls_client_auth", pemFromCode.introspectionSettings().method());
    assertEquals(java.nio.file.Path.of("key.pem"),
        pemFromCode.introspectionSettings().tls().orElseThrow().privateKey());
  }

  @Test
  void introspectionTlsSettingsThatCannotWorkAreRefusedWithTheKeyAndTheFix() {
    java.util.function.Supplier<PortcullisConfig.Builder> base =
        () -> builder().issuer("https://idp.example.com").audience("a");
    environment.put("PORTCULLIS_INTROSPECTION_TLS_CERTIFICATE", "chain.pem");
    assertTrue(failure(base.get()).startsWith("portcullis.introspection-tls-certificate is set, but introspection is"
        + " off because portcullis.introspection-client-id is not;"), failure(base.get()));
    environment.clear();
    environment.put("PORTCULLIS_INTROSPECTION_CLIENT_ID", "orders-api");
    environment.put("PORTCULLIS_INTROSPECTION_CLIENT_AUTH", "tls_client_auth");
    assertEquals("Introspection authenticates with tls_client_auth, but no client certificate is set; set"
        + " portcullis.introspection-tls-certificate and portcullis.introspection-tls-private-key (environment"
        + " PORTCULLIS_INTROSPECTION_TLS_CERTIFICATE and PORTCULLIS_INTROSPECTION_TLS_PRIVATE_KEY) to PEM files of"
        + " this API's certificate chain and private key, or portcullis.introspection-tls-keystore (environment"
        + " PORTCULLIS_INTROSPECTION_TLS_KEYSTORE) to a PKCS#12 key store.", failure(base.get()));
    environment.put("PORTCULLIS_INTROSPECTION_TLS_CERTIFICATE", "chain.pem");
    assertEquals("portcullis.introspection-tls-certificate is set, but portcullis.introspection-tls-private-key is"
        + " not; set portcullis.introspection-tls-private-key (environment PORTCULLIS_INTROSPECTION_TLS_PRIVATE_KEY) to"
        + " the PEM file of the certificate's private key.", failure(base.get()));
    environment.remove("PORTCULLIS_INTROSPECTION_TLS_CERTIFICATE");
    environment.put("PORTCULLIS_INTROSPECTION_TLS_PRIVATE_KEY", "key.pem");
    assertEquals("portcullis.introspection-tls-private-key is set, but portcullis.introspection-tls-certificate is"
        + " not; set portcullis.introspection-tls-certificate (environment PORTCULLIS_INTROSPECTION_TLS_CERTIFICATE)"
        + " to the PEM file of the certificate chain, this API's certificate first.", failure(base.get()));
    environment.put("PORTCULLIS_INTROSPECTION_TLS_CERTIFICATE", "chain.pem");
    environment.put("PORTCULLIS_INTROSPECTION_TLS_KEYSTORE", "api.p12");
    assertEquals("Both PEM files (portcullis.introspection-tls-certificate, portcullis.introspection-tls-private-key)"
        + " and a key store (portcullis.introspection-tls-keystore) are set for introspection's client certificate;"
        + " set one of them.", failure(base.get()));
    environment.remove("PORTCULLIS_INTROSPECTION_TLS_KEYSTORE");
    environment.put("PORTCULLIS_INTROSPECTION_TLS_KEYSTORE_PASSWORD", "stray-password-3");
    String stray = failure(base.get());
    assertEquals("portcullis.introspection-tls-keystore-password is set, but portcullis.introspection-tls-keystore"
        + " is not; set portcullis.introspection-tls-keystore (environment PORTCULLIS_INTROSPECTION_TLS_KEYSTORE) to"
        + " the PKCS#12 key store it opens, or remove portcullis.introspection-tls-keystore-password.", stray);
    environment.remove("PORTCULLIS_INTROSPECTION_TLS_KEYSTORE_PASSWORD");
    environment.put("PORTCULLIS_INTROSPECTION_CLIENT_SECRET", "secret-for-mtls-4");
    String secret = failure(base.get());
    assertEquals("portcullis.introspection-client-secret is set, but introspection authenticates with"
        + " tls_client_auth, which proves this API's identity with its certificate and sends no secret; remove"
        + " portcullis.introspection-client-secret, or set portcullis.introspection-client-auth to a method that uses"
        + " it.", secret);
    environment.remove("PORTCULLIS_INTROSPECTION_CLIENT_SECRET");
    environment.put("PORTCULLIS_INTROSPECTION_CLIENT_AUTH", "self_signed_tls_client_auth");
    environment.put("PORTCULLIS_INTROSPECTION_PRIVATE_KEY", "assertion-key.pem");
    assertTrue(failure(base.get()).startsWith("portcullis.introspection-private-key is set, but introspection"
        + " authenticates with self_signed_tls_client_auth,"), failure(base.get()));
  }

  @Test
  void dpopIsOffByDefaultAndReadFromTheEnvironmentAndWrongValuesAreNamed() {
    properties.put("portcullis.issuer", "https://idp.example.com");
    properties.put("portcullis.audience", "orders-api");
    assertEquals(PortcullisConfig.DpopPolicy.OFF, builder().build().dpop());
    assertFalse(builder().build().dpopNonceRequired());
    environment.put("PORTCULLIS_DPOP", "Required");
    environment.put("PORTCULLIS_DPOP_NONCE", "required");
    assertEquals(PortcullisConfig.DpopPolicy.REQUIRED, builder().build().dpop());
    assertTrue(builder().build().dpopNonceRequired());
    environment.put("PORTCULLIS_DPOP", "maybe");
    assertEquals("portcullis.dpop is \"maybe\", which is not a DPoP policy; use off, allowed or required.",
        failure(builder()));
    environment.put("PORTCULLIS_DPOP", "off");
    assertTrue(failure(builder()).startsWith("portcullis.dpop-nonce is required, but portcullis.dpop is off;"));
    environment.put("PORTCULLIS_DPOP_NONCE", "always");
    assertEquals("portcullis.dpop-nonce is \"always\", which is not a nonce policy; use off or required.",
        failure(builder()));
  }

  @Test
  void theDpopNonceSecretIsReadFromTheEnvironmentCheckedAndNeverShown() {
    properties.put("portcullis.issuer", "https://idp.example.com");
    properties.put("portcullis.audience", "orders-api");
    properties.put("portcullis.dpop", "required");
    properties.put("portcullis.dpop-nonce", "required");
    assertEquals(null, builder().build().dpopNonceSecret());
    String secret = "0123456789abcdefghijklmnopqrstuv";
    environment.put("PORTCULLIS_DPOP_NONCE_SECRET", "  " + secret + "\n");
    PortcullisConfig config = builder().build();
    assertEquals(secret, new String(config.dpopNonceSecret(), java.nio.charset.StandardCharsets.UTF_8));
    assertFalse(config.toString().contains(secret), config.toString());
    assertTrue(config.toString().contains("dpopNonceSecret=(set)"), config.toString());
    environment.put("PORTCULLIS_DPOP_NONCE_SECRET", "too-short-a-secret-31-bytes-xxx");
    String tooShort = failure(builder());
    assertEquals("portcullis.dpop-nonce-secret is 31 bytes long, too short to keep nonces from being forged; use at"
        + " least 32 bytes of random text, such as the output of openssl rand -base64 32, the same on every"
        + " instance.", tooShort);
    properties.put("portcullis.dpop-nonce", "off");
    environment.put("PORTCULLIS_DPOP_NONCE_SECRET", secret);
    String unused = failure(builder());
    assertTrue(unused.startsWith("portcullis.dpop-nonce-secret is set, but portcullis.dpop-nonce is off, so no nonce"
        + " is made with it; set "), unused);
    assertFalse(unused.contains(secret), unused);
    // In code, as from the environment.
    PortcullisConfig inCode = PortcullisConfig.builder().issuer("https://idp.example.com").audience("orders-api")
        .dpop(PortcullisConfig.DpopPolicy.ALLOWED).dpopNonceRequired(true).dpopNonceSecret(secret + "x").build();
    assertEquals(secret + "x", new String(inCode.dpopNonceSecret(), java.nio.charset.StandardCharsets.UTF_8));
    assertThrows(PortcullisConfigException.class, () -> PortcullisConfig.builder().issuer("https://idp.example.com")
        .audience("orders-api").dpop(PortcullisConfig.DpopPolicy.ALLOWED).dpopNonceRequired(true)
        .dpopNonceSecret("short").build());
  }

  @Test
  void certificateBoundTokensAreOffByDefaultAndTheTrustedHeaderNeedsThem() {
    properties.put("portcullis.issuer", "https://idp.example.com");
    properties.put("portcullis.audience", "orders-api");
    assertEquals(PortcullisConfig.CertificateBoundTokens.OFF, builder().build().certificateBoundTokens());
    assertTrue(builder().build().clientCertificateHeader().isEmpty());
    environment.put("PORTCULLIS_CERTIFICATE_BOUND_TOKENS", "Allowed");
    environment.put("PORTCULLIS_CLIENT_CERTIFICATE_HEADER", " X-Client-Cert ");
    assertEquals(PortcullisConfig.CertificateBoundTokens.ALLOWED, builder().build().certificateBoundTokens());
    assertEquals("X-Client-Cert", builder().build().clientCertificateHeader().orElseThrow());
    assertEquals(PortcullisConfig.CertificateBoundTokens.REQUIRED,
        builder().certificateBoundTokens(PortcullisConfig.CertificateBoundTokens.REQUIRED).build().certificateBoundTokens());
    environment.put("PORTCULLIS_CERTIFICATE_BOUND_TOKENS", "sometimes");
    assertEquals("portcullis.certificate-bound-tokens is \"sometimes\", which is not a policy for certificate-bound"
        + " tokens; use off, allowed or required.", failure(builder()));
    environment.put("PORTCULLIS_CERTIFICATE_BOUND_TOKENS", "off");
    assertTrue(failure(builder()).startsWith("portcullis.client-certificate-header is set, but"
        + " portcullis.certificate-bound-tokens is off;"), failure(builder()));
    environment.put("PORTCULLIS_CERTIFICATE_BOUND_TOKENS", "required");
    environment.put("PORTCULLIS_CLIENT_CERTIFICATE_HEADER", "X Client Cert");
    assertTrue(failure(builder()).startsWith("portcullis.client-certificate-header is \"X Client Cert\", which is"
        + " not an HTTP header name"), failure(builder()));
  }
}
