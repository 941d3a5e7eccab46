package dev.portcullis.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Mutual TLS client authentication (RFC 8705 section 2) against a loopback HTTPS token endpoint
 * that needs a client certificate: {@code tls_client_auth} and {@code
 * self_signed_tls_client_auth} with certificates made here, from the builder and from
 * configuration keys (PEM files, PKCS#12), the {@code mtls_endpoint_aliases} of discovery, and
 * the configuration mistakes.
 */
class MutualTlsTest {
  @RegisterExtension
  static final MutualTlsFixture TLS = new MutualTlsFixture();

  private static OAuthClientSettings.Builder settings(String clientId) {
    return OAuthClientSettings.builder().tokenEndpoint(TLS.server().mtlsTokenEndpoint().toString()).clientId(clientId);
  }

  private static OAuthClientSettings.Builder configured(Map<String, String> keys) {
    Map<String, String> properties = new HashMap<>();
    keys.forEach((key, value) -> properties.put("portcullis.client.orders." + key, value));
    return OAuthClientSettings.builder("orders").configurationSources(properties::get, Map.of());
  }

  private static MutualTlsAuthorizationServer.Received last() {
    List<MutualTlsAuthorizationServer.Received> all = TLS.server().received();
    return all.get(all.size() - 1);
  }

  @Test
  void tlsClientAuthPresentsTheCertificateAndSendsOnlyTheClientId() {
    AccessToken token = TokenClient.create(settings(MutualTlsAuthorizationServer.PKI_CLIENT)
        .authentication(ClientAuthentication.tlsClientAuth())
        .tls(ClientTls.fromPem(TLS.chainFile(), TLS.keyFile()).trusting(TLS.caFile())).build()).token();
    assertEquals("bound-to-" + TLS.client().thumbprint(), token.value());
    MutualTlsAuthorizationServer.Received request = last();
    assertEquals(MutualTlsAuthorizationServer.PKI_CLIENT, request.form().get("client_id"));
    assertEquals("client_credentials", request.form().get("grant_type"));
    assertNull(request.authorization());
    assertFalse(request.form().containsKey("client_secret"));
    assertFalse(request.form().containsKey("client_assertion"));
  }

  @Test
  void selfSignedTlsClientAuthPresentsTheRegisteredCertificate() throws Exception {
    Path store = TLS.write("self-signed.p12", TestCertificates.pkcs12(TLS.selfSigned(), "s3cret".toCharArray()));
    AccessToken token = TokenClient.create(settings(MutualTlsAuthorizationServer.SELF_SIGNED_CLIENT)
        .authentication(ClientAuthentication.selfSignedTlsClientAuth())
        .tls(ClientTls.fromPkcs12(store, "s3cret".toCharArray()).trusting(TLS.caFile())).build()).token();
    assertEquals("bound-to-" + TLS.selfSigned().thumbprint(), token.value());
  }

  @Test
  void anotherCertificateIsRefusedByTheAuthorizationServer() throws Exception {
    TestCertificates.Identity stranger = TestCertificates.selfSigned(MutualTlsAuthorizationServer.PKI_SUBJECT);
    Path store = TLS.write("stranger.p12", TestCertificates.pkcs12(stranger, "pw".toCharArray()));
    TokenClient tokens = TokenClient.create(settings(MutualTlsAuthorizationServer.PKI_CLIENT)
        .authentication(ClientAuthentication.tlsClientAuth())
        .tls(ClientTls.fromPkcs12(store, "pw".toCharArray()).trusting(TLS.caFile())).build());
    TokenRequestException refused = assertThrows(TokenRequestException.class, tokens::token);
    assertEquals("invalid_client", refused.error());
  }

  @Test
  void theKeysConfigureTheCertificateAndTlsClientAuthIsTheDefaultWithIt() {
    OAuthClientSettings settings = configured(Map.of("token-endpoint", TLS.server().mtlsTokenEndpoint().toString(),
        "client-id", MutualTlsAuthorizationServer.PKI_CLIENT, "tls-certificate", TLS.chainFile().toString(),
        "tls-private-key", TLS.keyFile().toString(), "tls-trusted-certificates", TLS.caFile().toString())).build();
    assertEquals(ClientAuthenticationMethod.TLS_CLIENT_AUTH, settings.authentication().method());
    assertEquals("bound-to-" + TLS.client().thumbprint(), TokenClient.create(settings).token().value());
  }

  @Test
  void aPkcs12KeyStoreFromTheKeysWorksWithSelfSignedTlsClientAuth() throws Exception {
    Path store = TLS.write("configured.p12", TestCertificates.pkcs12(TLS.selfSigned(), "pw".toCharArray()));
    OAuthClientSettings settings = configured(Map.of("token-endpoint", TLS.server().mtlsTokenEndpoint().toString(),
        "client-id", MutualTlsAuthorizationServer.SELF_SIGNED_CLIENT, "client-auth", "self_signed_tls_client_auth",
        "tls-keystore", store.toString(), "tls-keystore-password", "pw",
        "tls-trusted-certificates", TLS.caFile().toString())).build();
    assertEquals("bound-to-" + TLS.selfSigned().thumbprint(), TokenClient.create(settings).token().value());
  }

  @Test
  void discoveryUsesTheMtlsEndpointAliasesWithACertificate() {
    OAuthClientSettings settings = OAuthClientSettings.builder().issuer(TLS.server().issuer().toString())
        .clientId(MutualTlsAuthorizationServer.PKI_CLIENT).authentication(ClientAuthentication.tlsClientAuth())
        .tls(ClientTls.fromPem(TLS.chainFile(), TLS.keyFile()).trusting(TLS.caFile())).build();
    assertEquals("bound-to-" + TLS.client().thumbprint(), TokenClient.create(settings).token().value());
    assertNotNull(last().certificate(), "the request went to the plain token endpoint");
  }

  @Test
  void discoveryOverHttpsTrustsTheConfiguredAuthorities() {
    OAuthClientSettings settings = OAuthClientSettings.builder().issuer(TLS.server().httpsIssuer().toString())
        .clientId(MutualTlsAuthorizationServer.PKI_CLIENT).authentication(ClientAuthentication.tlsClientAuth())
        .tls(ClientTls.fromPem(TLS.chainFile(), TLS.keyFile()).trusting(TLS.caFile())).build();
    assertEquals("bound-to-" + TLS.client().thumbprint(), TokenClient.create(settings).token().value());
  }

  @Test
  void discoveryWithoutACertificateUsesThePlainTokenEndpoint() {
    OAuthClientSettings settings = OAuthClientSettings.builder().issuer(TLS.server().issuer().toString())
        .clientId("plain-client").authentication(ClientAuthentication.clientSecretBasic("secret")).build();
    assertThrows(TokenRequestException.class, () -> TokenClient.create(settings).token());
    assertNull(last().certificate());
  }

  @Test
  void certificateAuthenticationWithoutACertificateIsAConfigurationError() {
    ClientConfigurationException e = assertThrows(ClientConfigurationException.class,
        () -> settings("x").authentication(ClientAuthentication.tlsClientAuth()).build());
    assertTrue(e.getMessage().contains("authenticates with tls_client_auth but has no TLS client certificate"),
        e.getMessage());
    ClientConfigurationException fromKeys = assertThrows(ClientConfigurationException.class,
        () -> configured(Map.of("token-endpoint", TLS.server().mtlsTokenEndpoint().toString(), "client-id", "x",
            "client-auth", "self_signed_tls_client_auth")).build());
    assertTrue(fromKeys.getMessage().contains("portcullis.client.orders.tls-certificate"), fromKeys.getMessage());
  }

  @Test
  void incompleteOrContradictoryKeysAreNamed() throws Exception {
    ClientConfigurationException noKey = assertThrows(ClientConfigurationException.class,
        () -> configured(Map.of("token-endpoint", TLS.server().mtlsTokenEndpoint().toString(), "client-id", "x",
            "tls-certificate", TLS.chainFile().toString())).build());
    assertTrue(noKey.getMessage().contains("a TLS client certificate but no private key")
        && noKey.getMessage().contains("portcullis.client.orders.tls-private-key"), noKey.getMessage());
    ClientConfigurationException both = assertThrows(ClientConfigurationException.class,
        () -> configured(Map.of("token-endpoint", TLS.server().mtlsTokenEndpoint().toString(), "client-id", "x",
            "tls-certificate", TLS.chainFile().toString(), "tls-private-key", TLS.keyFile().toString(),
            "tls-keystore", TLS.chainFile().toString())).build());
    assertTrue(both.getMessage().contains("both a TLS key store"), both.getMessage());
    Path otherKey = TLS.write("other-key.pem", TLS.selfSigned().keyPem());
    ClientConfigurationException wrongKey = assertThrows(ClientConfigurationException.class,
        () -> ClientTls.fromPem(TLS.chainFile(), otherKey));
    assertTrue(wrongKey.getMessage().contains("does not belong to the certificate in " + TLS.chainFile()),
        wrongKey.getMessage());
    ClientConfigurationException notCertificates = assertThrows(ClientConfigurationException.class,
        () -> ClientTls.fromPem(TLS.keyFile(), TLS.keyFile()));
    assertTrue(notCertificates.getMessage().contains("does not hold PEM certificates")
        || notCertificates.getMessage().contains("holds no certificate"), notCertificates.getMessage());
  }

  @Test
  void theTlsMaterialNamesTheSubjectButNeverTheKey() {
    ClientTls tls = ClientTls.fromPem(TLS.chainFile(), TLS.keyFile()).trusting(TLS.caFile());
    assertEquals("ClientTls[certificate=" + MutualTlsAuthorizationServer.PKI_SUBJECT + ", trusting 1 certificates]",
        tls.toString());
    String settings = settings("x").tls(tls).authentication(ClientAuthentication.tlsClientAuth()).build().toString();
    assertTrue(settings.contains("tls=" + tls), settings);
    assertFalse(settings.contains(TLS.client().keyPem().lines().skip(1).findFirst().orElseThrow()), settings);
  }
}
