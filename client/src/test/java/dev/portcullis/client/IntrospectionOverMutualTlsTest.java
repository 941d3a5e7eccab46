package dev.portcullis.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.AccessTokenVerifier;
import dev.portcullis.PortcullisConfig;
import dev.portcullis.PortcullisConfigException;
import dev.portcullis.TokenVerificationException;
import dev.portcullis.testing.CapturedLog;
import java.text.MessageFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The resource server's introspection calls over mutual TLS (RFC 8705 section 2) and to an
 * authorization server with a private CA, against a loopback HTTPS introspection endpoint that
 * authenticates by client certificate: both certificate methods on the wire, PEM files and a
 * PKCS#12 key store, the {@code mtls_endpoint_aliases} of discovery, a certificate the server
 * refuses, and the files that cannot be used.
 */
class IntrospectionOverMutualTlsTest {
  private static final String TOKEN = MutualTlsAuthorizationServer.OPAQUE_TOKEN;
  @RegisterExtension
  static final MutualTlsFixture TLS = new MutualTlsFixture();

  /** Every token introspected at the HTTPS endpoint, each time asked again. */
  private static PortcullisConfig.Builder config() {
    return PortcullisConfig.builder().issuer(TLS.server().issuer().toString())
        .audience(MutualTlsAuthorizationServer.AUDIENCE)
        .introspectAllTokens(true).introspectionCacheTtl(Duration.ZERO).httpTimeout(Duration.ofSeconds(2));
  }

  private static PortcullisConfig.Builder configured(Map<String, String> keys) {
    Map<String, String> properties = new HashMap<>();
    keys.forEach((key, value) -> properties.put("portcullis." + key, value));
    return PortcullisConfig.builder(properties::get, Map.of());
  }

  private static MutualTlsAuthorizationServer.Received last() {
    List<MutualTlsAuthorizationServer.Received> all = TLS.server().received();
    return all.get(all.size() - 1);
  }

  private static void assertUnavailable(AccessTokenVerifier verifier) {
    TokenVerificationException e = assertThrows(TokenVerificationException.class, () -> verifier.verify(TOKEN));
    assertEquals("The token could not be verified because the authorization server's introspection endpoint is"
        + " unavailable.", e.getMessage());
    assertEquals(Duration.ofSeconds(5), e.retryAfter().orElseThrow());
  }

  @Test
  void tlsClientAuthPresentsTheCertificateAndSendsOnlyTheClientId() throws Exception {
    try (AccessTokenVerifier verifier = AccessTokenVerifier.create(config()
        .introspectionWithCertificate(MutualTlsAuthorizationServer.PKI_CLIENT, TLS.chainFile(), TLS.keyFile())
        .introspectionTrustedCertificates(TLS.caFile())
        .introspectionEndpoint(TLS.server().mtlsIntrospectionEndpoint()).build())) {
      assertEquals(MutualTlsAuthorizationServer.SUBJECT, verifier.verify(TOKEN).subject());
      MutualTlsAuthorizationServer.Received request = last();
      assertEquals("/introspect", request.path());
      assertEquals(TLS.client().certificate(), request.certificate());
      assertEquals(MutualTlsAuthorizationServer.PKI_CLIENT, request.form().get("client_id"));
      assertEquals(TOKEN, request.form().get("token"));
      assertNull(request.authorization());
      assertFalse(request.form().containsKey("client_secret"));
      assertFalse(request.form().containsKey("client_assertion"));
    }
  }

  @Test
  void selfSignedTlsClientAuthWithAPkcs12KeyStoreFromTheSettings() throws Exception {
    Path keyStore = TLS.write("self-signed.p12", TestCertificates.pkcs12(TLS.selfSigned(),
        "store-password".toCharArray()));
    PortcullisConfig config = configured(Map.of("issuer", TLS.server().issuer().toString(),
        "audience", MutualTlsAuthorizationServer.AUDIENCE, "introspect-all-tokens", "true",
        "introspection-cache-ttl", "0s", "introspection-client-id", MutualTlsAuthorizationServer.SELF_SIGNED_CLIENT,
        "introspection-client-auth", "self_signed_tls_client_auth", "introspection-tls-keystore", keyStore.toString(),
        "introspection-tls-keystore-password", "store-password", "introspection-tls-trusted-certificates",
        TLS.caFile().toString(), "introspection-endpoint", TLS.server().mtlsIntrospectionEndpoint().toString()))
        .build();
    try (AccessTokenVerifier verifier = AccessTokenVerifier.create(config)) {
      assertEquals(MutualTlsAuthorizationServer.SUBJECT, verifier.verify(TOKEN).subject());
      assertEquals(TLS.selfSigned().certificate(), last().certificate());
      assertEquals(MutualTlsAuthorizationServer.SELF_SIGNED_CLIENT, last().form().get("client_id"));
      assertNull(last().authorization());
    }
  }

  @Test
  void aCertificateTheServerDoesNotAcceptMakesTheEndpointUnavailable() throws Exception {
    TestCertificates.Identity strangerAuthority = TestCertificates.authority("CN=Stranger CA");
    TestCertificates.Identity stranger =
        TestCertificates.client(MutualTlsAuthorizationServer.PKI_SUBJECT, strangerAuthority);
    Path strangerChain = TLS.write("stranger-chain.pem", stranger.pem());
    Path strangerKey = TLS.write("stranger-key.pem", stranger.keyPem());
    List<LogRecord> logged;
    try (CapturedLog log = new CapturedLog("dev.portcullis.internal.verification.TokenIntrospection");
        AccessTokenVerifier verifier = AccessTokenVerifier.create(config()
            .introspectionWithCertificate(MutualTlsAuthorizationServer.PKI_CLIENT, strangerChain, strangerKey)
            .introspectionTrustedCertificates(TLS.caFile())
            .introspectionEndpoint(TLS.server().mtlsIntrospectionEndpoint()).build())) {
      assertUnavailable(verifier);
      assertEquals(stranger.certificate(), last().certificate());
      logged = log.records();
    }
    LogRecord warning = logged.stream().filter(r -> r.getLevel() == Level.WARNING).findFirst().orElseThrow();
    String text = MessageFormat.format(warning.getMessage(), warning.getParameters());
    assertTrue(text.contains("HTTP 401 with error \"invalid_client\""), text);
    assertTrue(text.contains("check portcullis.introspection-client-id, portcullis.introspection-tls-certificate and"
        + " portcullis.introspection-client-auth"), text);
  }

  @Test
  void withoutTheTrustedAuthoritiesThePrivateCaIsNotTrusted() throws Exception {
    int before = TLS.server().received().size();
    try (AccessTokenVerifier verifier = AccessTokenVerifier.create(config()
        .introspectionWithCertificate(MutualTlsAuthorizationServer.PKI_CLIENT, TLS.chainFile(), TLS.keyFile())
        .introspectionEndpoint(TLS.server().mtlsIntrospectionEndpoint()).build())) {
      assertUnavailable(verifier);
      assertEquals(before, TLS.server().received().size(), "no request gets through the handshake");
    }
  }

  @Test
  void trustedAuthoritiesAloneReachAPrivateCaWithASecret() throws Exception {
    try (AccessTokenVerifier verifier = AccessTokenVerifier.create(config()
        .introspection(MutualTlsAuthorizationServer.SECRET_CLIENT, MutualTlsAuthorizationServer.SECRET)
        .introspectionTrustedCertificates(TLS.caFile())
        .introspectionEndpoint(TLS.server().mtlsIntrospectionEndpoint()).build())) {
      assertEquals(MutualTlsAuthorizationServer.SUBJECT, verifier.verify(TOKEN).subject());
      assertNull(last().certificate());
      assertTrue(last().authorization().startsWith("Basic "));
    }
  }

  @Test
  void discoveryUsesTheMtlsIntrospectionAliasWithACertificate() throws Exception {
    try (AccessTokenVerifier verifier = AccessTokenVerifier.create(config()
        .introspectionWithCertificate(MutualTlsAuthorizationServer.PKI_CLIENT, TLS.chainFile(), TLS.keyFile())
        .introspectionTrustedCertificates(TLS.caFile()).build())) {
      assertEquals(MutualTlsAuthorizationServer.SUBJECT, verifier.verify(TOKEN).subject());
      assertNotNull(last().certificate(), "the HTTPS alias was used, not the plain endpoint");
    }
    // Without a certificate the plain introspection_endpoint is used, which this server refuses.
    try (AccessTokenVerifier verifier = AccessTokenVerifier.create(config()
        .introspection(MutualTlsAuthorizationServer.SECRET_CLIENT, MutualTlsAuthorizationServer.SECRET)
        .introspectionTrustedCertificates(TLS.caFile()).build())) {
      int before = TLS.server().received().size();
      TokenVerificationException e = assertThrows(TokenVerificationException.class, () -> verifier.verify(TOKEN));
      assertTrue(e.retryAfter().isPresent(), e::getMessage);
      assertEquals(before + 1, TLS.server().received().size());
      assertNull(last().certificate());
    }
  }

  @Test
  void discoveryOverHttpsTrustsTheConfiguredAuthorities() throws Exception {
    try (AccessTokenVerifier verifier = AccessTokenVerifier.create(config()
        .issuer(TLS.server().httpsIssuer().toString())
        .introspectionWithCertificate(MutualTlsAuthorizationServer.PKI_CLIENT, TLS.chainFile(), TLS.keyFile())
        .introspectionTrustedCertificates(TLS.caFile()).build())) {
      assertEquals(MutualTlsAuthorizationServer.SUBJECT, verifier.verify(TOKEN).subject());
    }
  }

  private static String startupFailure(PortcullisConfig.Builder builder) {
    PortcullisConfig config = builder.build();
    return assertThrows(PortcullisConfigException.class, () -> AccessTokenVerifier.create(config)).getMessage();
  }

  @Test
  void filesThatCannotBeUsedFailAtStartupNamingTheSettingAndTheFile() throws Exception {
    Path missing = TLS.file("missing.pem");
    String unreadable = startupFailure(config().introspectionEndpoint(TLS.server().mtlsIntrospectionEndpoint())
        .introspectionWithCertificate(MutualTlsAuthorizationServer.PKI_CLIENT, missing, TLS.keyFile()));
    assertTrue(unreadable.startsWith("The introspection TLS settings (portcullis.introspection-tls-certificate,"
        + " portcullis.introspection-tls-private-key) cannot be used: The client certificate file " + missing
        + " could not be read"), unreadable);

    Path otherKey = TLS.write("other-key.pem", TLS.selfSigned().keyPem());
    String wrongKey = startupFailure(config().introspectionEndpoint(TLS.server().mtlsIntrospectionEndpoint())
        .introspectionWithCertificate(MutualTlsAuthorizationServer.PKI_CLIENT, TLS.chainFile(), otherKey));
    assertTrue(wrongKey.contains("The private key in " + otherKey + " does not belong to the certificate in "
        + TLS.chainFile()), wrongKey);
    assertFalse(wrongKey.contains("PRIVATE KEY"), wrongKey);

    Path keyStore = TLS.write("client.p12", TestCertificates.pkcs12(TLS.client(),
        "right-password".toCharArray()));
    String wrongPassword = startupFailure(config().introspectionEndpoint(TLS.server().mtlsIntrospectionEndpoint())
        .introspectionWithKeyStore(MutualTlsAuthorizationServer.PKI_CLIENT, keyStore,
            "wrong-password-5".toCharArray()));
    assertTrue(wrongPassword.startsWith("The introspection TLS settings (portcullis.introspection-tls-keystore,"
        + " portcullis.introspection-tls-keystore-password) cannot be used: The key store " + keyStore
        + " could not be read as PKCS#12"), wrongPassword);
    assertFalse(wrongPassword.contains("wrong-password-5"), wrongPassword);

    Path notCertificates = TLS.write("not-ca.pem", "not a certificate");
    String badTrust = startupFailure(config().introspectionEndpoint(TLS.server().mtlsIntrospectionEndpoint())
        .introspection(MutualTlsAuthorizationServer.SECRET_CLIENT, MutualTlsAuthorizationServer.SECRET)
        .introspectionTrustedCertificates(notCertificates));
    assertTrue(badTrust.startsWith("The introspection TLS settings (portcullis.introspection-tls-trusted-certificates)"
        + " cannot be used: The trusted certificate file " + notCertificates), badTrust);
  }
}
