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
import java.nio.file.Files;
import java.text.MessageFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resource server's introspection calls over mutual TLS (RFC 8705 section 2) and to an
 * authorization server with a private CA, against a loopback HTTPS introspection endpoint that
 * authenticates by client certificate: both certificate methods on the wire, PEM files and a
 * PKCS#12 key store, the {@code mtls_endpoint_aliases} of discovery, a certificate the server
 * refuses, and the files that cannot be used.
 */
class IntrospectionOverMutualTlsTest {
  private static final String TOKEN = MutualTlsAuthorizationServer.OPAQUE_TOKEN;
  private static TestCertificates.Identity authority;
  private static TestCertificates.Identity client;
  private static TestCertificates.Identity selfSigned;
  private static MutualTlsAuthorizationServer server;
  @TempDir
  static Path files;
  private static Path chainFile;
  private static Path keyFile;
  private static Path caFile;

  @BeforeAll
  static void start() throws Exception {
    authority = TestCertificates.authority("CN=Test CA");
    client = TestCertificates.client(MutualTlsAuthorizationServer.PKI_SUBJECT, authority);
    selfSigned = TestCertificates.selfSigned("CN=self-signed-client");
    server = new MutualTlsAuthorizationServer(authority, selfSigned.certificate());
    chainFile = Files.writeString(files.resolve("api-chain.pem"), client.pem() + authority.pem());
    keyFile = Files.writeString(files.resolve("api-key.pem"), client.keyPem());
    caFile = Files.writeString(files.resolve("ca.pem"), authority.pem());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Every token introspected at the HTTPS endpoint, each time asked again. */
  private static PortcullisConfig.Builder config() {
    return PortcullisConfig.builder().issuer(server.issuer().toString()).audience(MutualTlsAuthorizationServer.AUDIENCE)
        .introspectAllTokens(true).introspectionCacheTtl(Duration.ZERO).httpTimeout(Duration.ofSeconds(2));
  }

  private static PortcullisConfig.Builder configured(Map<String, String> keys) {
    Map<String, String> properties = new HashMap<>();
    keys.forEach((key, value) -> properties.put("portcullis." + key, value));
    return PortcullisConfig.builder(properties::get, Map.of());
  }

  private static MutualTlsAuthorizationServer.Received last() {
    List<MutualTlsAuthorizationServer.Received> all = server.received();
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
        .introspectionWithCertificate(MutualTlsAuthorizationServer.PKI_CLIENT, chainFile, keyFile)
        .introspectionTrustedCertificates(caFile).introspectionEndpoint(server.mtlsIntrospectionEndpoint()).build())) {
      assertEquals(MutualTlsAuthorizationServer.SUBJECT, verifier.verify(TOKEN).subject());
      MutualTlsAuthorizationServer.Received request = last();
      assertEquals("/introspect", request.path());
      assertEquals(client.certificate(), request.certificate());
      assertEquals(MutualTlsAuthorizationServer.PKI_CLIENT, request.form().get("client_id"));
      assertEquals(TOKEN, request.form().get("token"));
      assertNull(request.authorization());
      assertFalse(request.form().containsKey("client_secret"));
      assertFalse(request.form().containsKey("client_assertion"));
    }
  }

  @Test
  void selfSignedTlsClientAuthWithAPkcs12KeyStoreFromTheSettings() throws Exception {
    Path keyStore = Files.write(files.resolve("self-signed.p12"), TestCertificates.pkcs12(selfSigned,
        "store-password".toCharArray()));
    PortcullisConfig config = configured(Map.of("issuer", server.issuer().toString(),
        "audience", MutualTlsAuthorizationServer.AUDIENCE, "introspect-all-tokens", "true",
        "introspection-cache-ttl", "0s", "introspection-client-id", MutualTlsAuthorizationServer.SELF_SIGNED_CLIENT,
        "introspection-client-auth", "self_signed_tls_client_auth", "introspection-tls-keystore", keyStore.toString(),
        "introspection-tls-keystore-password", "store-password", "introspection-tls-trusted-certificates",
        caFile.toString(), "introspection-endpoint", server.mtlsIntrospectionEndpoint().toString())).build();
    try (AccessTokenVerifier verifier = AccessTokenVerifier.create(config)) {
      assertEquals(MutualTlsAuthorizationServer.SUBJECT, verifier.verify(TOKEN).subject());
      assertEquals(selfSigned.certificate(), last().certificate());
      assertEquals(MutualTlsAuthorizationServer.SELF_SIGNED_CLIENT, last().form().get("client_id"));
      assertNull(last().authorization());
    }
  }

  @Test
  void aCertificateTheServerDoesNotAcceptMakesTheEndpointUnavailable() throws Exception {
    TestCertificates.Identity strangerAuthority = TestCertificates.authority("CN=Stranger CA");
    TestCertificates.Identity stranger =
        TestCertificates.client(MutualTlsAuthorizationServer.PKI_SUBJECT, strangerAuthority);
    Path strangerChain = Files.writeString(files.resolve("stranger-chain.pem"), stranger.pem());
    Path strangerKey = Files.writeString(files.resolve("stranger-key.pem"), stranger.keyPem());
    List<LogRecord> logged = new CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        logged.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger log = Logger.getLogger("dev.portcullis.internal.verification.TokenIntrospection");
    log.addHandler(capture);
    try (AccessTokenVerifier verifier = AccessTokenVerifier.create(config()
        .introspectionWithCertificate(MutualTlsAuthorizationServer.PKI_CLIENT, strangerChain, strangerKey)
        .introspectionTrustedCertificates(caFile).introspectionEndpoint(server.mtlsIntrospectionEndpoint()).build())) {
      assertUnavailable(verifier);
      assertEquals(stranger.certificate(), last().certificate());
    } finally {
      log.removeHandler(capture);
    }
    LogRecord warning = logged.stream().filter(r -> r.getLevel() == Level.WARNING).findFirst().orElseThrow();
    String text = MessageFormat.format(warning.getMessage(), warning.getParameters());
    assertTrue(text.contains("HTTP 401 with error \"invalid_client\""), text);
    assertTrue(text.contains("check portcullis.introspection-client-id, portcullis.introspection-tls-certificate and"
        + " portcullis.introspection-client-auth"), text);
  }

  @Test
  void withoutTheTrustedAuthoritiesThePrivateCaIsNotTrusted() throws Exception {
    int before = server.received().size();
    try (AccessTokenVerifier verifier = AccessTokenVerifier.create(config()
        .introspectionWithCertificate(MutualTlsAuthorizationServer.PKI_CLIENT, chainFile, keyFile)
        .introspectionEndpoint(server.mtlsIntrospectionEndpoint()).build())) {
      assertUnavailable(verifier);
      assertEquals(before, server.received().size(), "no request gets through the handshake");
    }
  }

  @Test
  void trustedAuthoritiesAloneReachAPrivateCaWithASecret() throws Exception {
    try (AccessTokenVerifier verifier = AccessTokenVerifier.create(config()
        .introspection(MutualTlsAuthorizationServer.SECRET_CLIENT, MutualTlsAuthorizationServer.SECRET)
        .introspectionTrustedCertificates(caFile).introspectionEndpoint(server.mtlsIntrospectionEndpoint()).build())) {
      assertEquals(MutualTlsAuthorizationServer.SUBJECT, verifier.verify(TOKEN).subject());
      assertNull(last().certificate());
      assertTrue(last().authorization().startsWith("Basic "));
    }
  }

  @Test
  void discoveryUsesTheMtlsIntrospectionAliasWithACertificate() throws Exception {
    try (AccessTokenVerifier verifier = AccessTokenVerifier.create(config()
        .introspectionWithCertificate(MutualTlsAuthorizationServer.PKI_CLIENT, chainFile, keyFile)
        .introspectionTrustedCertificates(caFile).build())) {
      assertEquals(MutualTlsAuthorizationServer.SUBJECT, verifier.verify(TOKEN).subject());
      assertNotNull(last().certificate(), "the HTTPS alias was used, not the plain endpoint");
    }
    // Without a certificate the plain introspection_endpoint is used, which this server refuses.
    try (AccessTokenVerifier verifier = AccessTokenVerifier.create(config()
        .introspection(MutualTlsAuthorizationServer.SECRET_CLIENT, MutualTlsAuthorizationServer.SECRET)
        .introspectionTrustedCertificates(caFile).build())) {
      int before = server.received().size();
      TokenVerificationException e = assertThrows(TokenVerificationException.class, () -> verifier.verify(TOKEN));
      assertTrue(e.retryAfter().isPresent(), e::getMessage);
      assertEquals(before + 1, server.received().size());
      assertNull(last().certificate());
    }
  }

  @Test
  void discoveryOverHttpsTrustsTheConfiguredAuthorities() throws Exception {
    try (AccessTokenVerifier verifier = AccessTokenVerifier.create(config().issuer(server.httpsIssuer().toString())
        .introspectionWithCertificate(MutualTlsAuthorizationServer.PKI_CLIENT, chainFile, keyFile)
        .introspectionTrustedCertificates(caFile).build())) {
      assertEquals(MutualTlsAuthorizationServer.SUBJECT, verifier.verify(TOKEN).subject());
    }
  }

  private static String startupFailure(PortcullisConfig.Builder builder) {
    PortcullisConfig config = builder.build();
    return assertThrows(PortcullisConfigException.class, () -> AccessTokenVerifier.create(config)).getMessage();
  }

  @Test
  void filesThatCannotBeUsedFailAtStartupNamingTheSettingAndTheFile() throws Exception {
    Path missing = files.resolve("missing.pem");
    String unreadable = startupFailure(config().introspectionEndpoint(server.mtlsIntrospectionEndpoint())
        .introspectionWithCertificate(MutualTlsAuthorizationServer.PKI_CLIENT, missing, keyFile));
    assertTrue(unreadable.startsWith("The introspection TLS settings (portcullis.introspection-tls-certificate,"
        + " portcullis.introspection-tls-private-key) cannot be used: The client certificate file " + missing
        + " could not be read"), unreadable);

    Path otherKey = Files.writeString(files.resolve("other-key.pem"), selfSigned.keyPem());
    String wrongKey = startupFailure(config().introspectionEndpoint(server.mtlsIntrospectionEndpoint())
        .introspectionWithCertificate(MutualTlsAuthorizationServer.PKI_CLIENT, chainFile, otherKey));
    assertTrue(wrongKey.contains("The private key in " + otherKey + " does not belong to the certificate in "
        + chainFile), wrongKey);
    assertFalse(wrongKey.contains("PRIVATE KEY"), wrongKey);

    Path keyStore = Files.write(files.resolve("client.p12"), TestCertificates.pkcs12(client,
        "right-password".toCharArray()));
    String wrongPassword = startupFailure(config().introspectionEndpoint(server.mtlsIntrospectionEndpoint())
        .introspectionWithKeyStore(MutualTlsAuthorizationServer.PKI_CLIENT, keyStore,
            "wrong-password-5".toCharArray()));
    assertTrue(wrongPassword.startsWith("The introspection TLS settings (portcullis.introspection-tls-keystore,"
        + " portcullis.introspection-tls-keystore-password) cannot be used: The key store " + keyStore
        + " could not be read as PKCS#12"), wrongPassword);
    assertFalse(wrongPassword.contains("wrong-password-5"), wrongPassword);

    Path notCertificates = Files.writeString(files.resolve("not-ca.pem"), "not a certificate");
    String badTrust = startupFailure(config().introspectionEndpoint(server.mtlsIntrospectionEndpoint())
        .introspection(MutualTlsAuthorizationServer.SECRET_CLIENT, MutualTlsAuthorizationServer.SECRET)
        .introspectionTrustedCertificates(notCertificates));
    assertTrue(badTrust.startsWith("The introspection TLS settings (portcullis.introspection-tls-trusted-certificates)"
        + " cannot be used: The trusted certificate file " + notCertificates), badTrust);
  }
}
