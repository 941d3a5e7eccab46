package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.client.MutualTlsAuthorizationServer;
import dev.portcullis.client.MutualTlsFixture;
import dev.portcullis.client.TestCertificates;
import dev.portcullis.testapp.MeResource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An API whose introspection calls authenticate with mutual TLS (RFC 8705 section 2), end to
 * end with certificates made here: an authorization server on loopback whose HTTPS introspection
 * endpoint, certified by a private CA, authenticates by client certificate; the API accepts its
 * active token with {@code tls_client_auth} and {@code self_signed_tls_client_auth}, finds the
 * endpoint among the issuer's {@code mtls_endpoint_aliases}, and answers 503 when the endpoint
 * refuses a certificate or the request comes without one.
 */
class MutualTlsIntrospectionTest {
  private static final String TOKEN = MutualTlsAuthorizationServer.OPAQUE_TOKEN;
  @RegisterExtension
  static final MutualTlsFixture TLS = new MutualTlsFixture("CN=Private CA", "CN=orders-api");

  /** Every token introspected, no answer remembered: each request makes a call. */
  private static PortcullisConfig.Builder config() {
    return PortcullisConfig.builder().issuer(TLS.server().issuer().toString())
        .audience(MutualTlsAuthorizationServer.AUDIENCE)
        .introspectAllTokens(true).introspectionCacheTtl(Duration.ZERO);
  }

  private static MutualTlsAuthorizationServer.Received last() {
    List<MutualTlsAuthorizationServer.Received> all = TLS.server().received();
    return all.get(all.size() - 1);
  }

  private static void assertAccepted(Answer answer) {
    assertEquals(200, answer.status(), answer::toString);
    assertTrue(answer.body().contains("subject=" + MutualTlsAuthorizationServer.SUBJECT + "\n"), answer::toString);
    assertTrue(answer.body().contains("scopes=[" + MutualTlsAuthorizationServer.SCOPE + "]\n"), answer::toString);
  }

  private static void assertUnavailable(Answer answer) {
    assertEquals(503, answer.status(), answer::toString);
    assertEquals("5", answer.header("Retry-After"), answer::toString);
    assertEquals("{\"error_description\":\"The token could not be verified because the authorization server's"
        + " introspection endpoint is unavailable.\"}", answer.body());
  }

  @Test
  void tlsClientAuthAtTheEndpointOfTheMtlsAliasesAcceptsTheActiveToken() {
    try (TestApp app = TestApp.start(config()
        .introspectionWithCertificate(MutualTlsAuthorizationServer.PKI_CLIENT, TLS.chainFile(), TLS.keyFile())
        .introspectionTrustedCertificates(TLS.caFile()).build(), MeResource.class)) {
      assertAccepted(app.bearer("/me", TOKEN));
      MutualTlsAuthorizationServer.Received call = last();
      assertEquals("/introspect", call.path());
      assertNotNull(call.certificate(), "the HTTPS endpoint of mtls_endpoint_aliases, not the plain one");
      assertEquals(MutualTlsAuthorizationServer.PKI_CLIENT, call.form().get("client_id"));
      assertNull(call.authorization());
      assertFalse(call.form().containsKey("client_secret"));
      assertEquals(401, app.bearer("/me", "a-token-the-server-never-issued").status());
    }
  }

  @Test
  void selfSignedTlsClientAuthFromAKeyStoreAcceptsTheActiveToken() throws Exception {
    Path keyStore = TLS.write("self-signed.p12", TestCertificates.pkcs12(TLS.selfSigned(),
        "store-password".toCharArray()));
    try (TestApp app = TestApp.start(config()
        .introspectionWithKeyStore(MutualTlsAuthorizationServer.SELF_SIGNED_CLIENT, keyStore,
            "store-password".toCharArray())
        .introspectionClientAuth("self_signed_tls_client_auth").introspectionTrustedCertificates(TLS.caFile())
        .introspectionEndpoint(TLS.server().mtlsIntrospectionEndpoint()).build(), MeResource.class)) {
      assertAccepted(app.bearer("/me", TOKEN));
      assertEquals(TLS.selfSigned().certificate(), last().certificate());
    }
  }

  @Test
  void aStrangersCertificateIsRefusedByTheServerAndTheApiAnswers503() throws Exception {
    TestCertificates.Identity stranger = TestCertificates.client(MutualTlsAuthorizationServer.PKI_SUBJECT,
        TestCertificates.authority("CN=Stranger CA"));
    Path strangerChain = TLS.write("stranger-chain.pem", stranger.pem());
    Path strangerKey = TLS.write("stranger-key.pem", stranger.keyPem());
    try (TestApp app = TestApp.start(config()
        .introspectionWithCertificate(MutualTlsAuthorizationServer.PKI_CLIENT, strangerChain, strangerKey)
        .introspectionTrustedCertificates(TLS.caFile()).build(), MeResource.class)) {
      assertUnavailable(app.bearer("/me", TOKEN));
      assertEquals(stranger.certificate(), last().certificate());
    }
  }

  @Test
  void aRequestWithoutACertificateIsRefusedByTheServerAndTheApiAnswers503() {
    try (TestApp app = TestApp.start(config()
        .introspection(MutualTlsAuthorizationServer.PKI_CLIENT, "not-a-secret-the-server-knows")
        .introspectionClientAuth("client_secret_post").introspectionTrustedCertificates(TLS.caFile())
        .introspectionEndpoint(TLS.server().mtlsIntrospectionEndpoint()).build(), MeResource.class)) {
      assertUnavailable(app.bearer("/me", TOKEN));
      assertNull(last().certificate());
    }
  }

  @Test
  void thePrivateCaTrustedByTheSettingIsWhatLetsTheCallsThrough() {
    // A secret and no certificate: the trusted authorities alone make the HTTPS endpoint reachable.
    try (TestApp app = TestApp.start(config()
        .introspection(MutualTlsAuthorizationServer.SECRET_CLIENT, MutualTlsAuthorizationServer.SECRET)
        .introspectionTrustedCertificates(TLS.caFile())
        .introspectionEndpoint(TLS.server().mtlsIntrospectionEndpoint()).build(),
        MeResource.class)) {
      assertAccepted(app.bearer("/me", TOKEN));
    }
    // Without them the JDK's authorities do not know the private CA: the handshake fails.
    int before = TLS.server().received().size();
    try (TestApp app = TestApp.start(config()
        .introspectionWithCertificate(MutualTlsAuthorizationServer.PKI_CLIENT, TLS.chainFile(), TLS.keyFile())
        .introspectionEndpoint(TLS.server().mtlsIntrospectionEndpoint()).build(), MeResource.class)) {
      assertUnavailable(app.bearer("/me", TOKEN));
      assertEquals(before, TLS.server().received().size(), "no request gets through the handshake");
    }
  }
}
