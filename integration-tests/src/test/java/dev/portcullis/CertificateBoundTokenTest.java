package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.client.TestCertificates;
import dev.portcullis.testapp.MeResource;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Certificate-bound access tokens (RFC 8705 section 3) over real loopback TLS with client
 * certificates made here: a token with {@code cnf.x5t#S256} passes only over a connection made
 * with that certificate; the policies off, allowed and required; the RFC 9728 field; and the
 * certificate from a trusted proxy header, only when one is configured.
 */
class CertificateBoundTokenTest {
  private static final String RESOURCE = "https://api.example.com";
  private static final String HEADER = "X-Client-Cert";

  @RegisterExtension
  static final KeyServer KEYS = KeyServer.started();

  private static TestCertificates.Identity authority;
  private static TestCertificates.Identity alice;
  private static TestCertificates.Identity mallory;
  private static HttpClient aliceClient;
  private static HttpClient malloryClient;
  private static HttpClient anonymousClient;
  private static final HttpClient PLAIN = HttpClient.newHttpClient();
  private static JaxRsServer.Running allowed;
  private static JaxRsServer.Running required;
  private static JaxRsServer.Running off;
  private static TestApp behindProxy;
  private static TestApp noTrustedHeader;

  @BeforeAll
  static void start() {
    authority = TestCertificates.authority("CN=Test CA");
    TestCertificates.Identity server = TestCertificates.server(authority);
    alice = TestCertificates.client("CN=alice,O=Shop", authority);
    mallory = TestCertificates.client("CN=mallory,O=Shop", authority);
    aliceClient = client(alice);
    malloryClient = client(mallory);
    anonymousClient = client(null);
    javax.net.ssl.SSLContext serverTls = TestCertificates.context(server, authority.certificate());
    allowed = https(config(PortcullisConfig.CertificateBoundTokens.ALLOWED).resource(URI.create(RESOURCE)), serverTls);
    required = https(config(PortcullisConfig.CertificateBoundTokens.REQUIRED).resourceMetadata(false), serverTls);
    off = https(KEYS.config().resource(URI.create(RESOURCE)), serverTls);
    behindProxy = TestApp.start(config(PortcullisConfig.CertificateBoundTokens.ALLOWED).resourceMetadata(false)
        .clientCertificateHeader(HEADER).build(), MeResource.class);
    noTrustedHeader = TestApp.start(config(PortcullisConfig.CertificateBoundTokens.ALLOWED)
        .resourceMetadata(false).build(), MeResource.class);
  }

  @AfterAll
  static void stop() {
    allowed.close();
    required.close();
    off.close();
    behindProxy.close();
    noTrustedHeader.close();
  }

  private static PortcullisConfig.Builder config(PortcullisConfig.CertificateBoundTokens policy) {
    return KEYS.config().certificateBoundTokens(policy);
  }

  private static JaxRsServer.Running https(PortcullisConfig.Builder config, javax.net.ssl.SSLContext tls) {
    return TestApp.implementation().startHttps(new TestApplication(Map.of(), MeResource.class,
        new PortcullisFeature(config.build())), tls);
  }

  private static HttpClient client(TestCertificates.Identity identity) {
    return HttpClient.newBuilder().sslContext(TestCertificates.context(identity, authority.certificate()))
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  private static String boundTo(TestCertificates.Identity identity) {
    return KEYS.token(claims -> claims.claim("cnf", Map.of("x5t#S256", identity.thumbprint())));
  }

  /** GET {@code path} on {@code server} with the token, again while 503 (the keys are loading). */
  private static Answer get(HttpClient client, URI base, String path, String token, String... headers)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      for (int i = 0; i < headers.length; i += 2) {
        request.header(headers[i], headers[i + 1]);
      }
      HttpResponse<String> response;
      try {
        response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      Answer answer = new Answer(response.statusCode(), response.headers().map(), response.body());
      if (answer.status() != 503 || System.nanoTime() > deadline) {
        assertFalse(answer.status() >= 500, () -> "The request was answered " + answer);
        return answer;
      }
      Thread.sleep(200);
    }
  }

  private static URI base(JaxRsServer.Running server) {
    return URI.create("https://127.0.0.1:" + server.port());
  }

  private static void assertRefused(Answer answer, String description) {
    assertEquals(401, answer.status(), answer::toString);
    String challenge = answer.challenge();
    assertTrue(challenge.contains("error=\"invalid_token\""), challenge);
    assertTrue(challenge.contains(description), challenge);
  }

  @Test
  void aBoundTokenPassesOverTheCertificateItIsBoundTo() throws Exception {
    Answer answer = get(aliceClient, base(allowed), "/me", boundTo(alice));
    assertEquals(200, answer.status(), answer::toString);
    assertTrue(answer.body().contains("subject=alice"), answer.body());
  }

  @Test
  void aBoundTokenIsRefusedOverAnotherCertificate() throws Exception {
    assertRefused(get(malloryClient, base(allowed), "/me", boundTo(alice)), "bound to another client certificate");
  }

  @Test
  void aBoundTokenIsRefusedOverAConnectionWithoutCertificate() throws Exception {
    assertRefused(get(anonymousClient, base(allowed), "/me", boundTo(alice)), "the request came without one");
  }

  @Test
  void aTokenBoundToSomethingElseThanAStringMatchesNoCertificate() throws Exception {
    String token = KEYS.token(claims -> claims.claim("cnf", Map.of("x5t#S256", 42)));
    assertRefused(get(aliceClient, base(allowed), "/me", token), "bound to another client certificate");
  }

  @Test
  void unboundTokensPassWhenAllowedAndAreRefusedWhenRequired() throws Exception {
    assertEquals(200, get(aliceClient, base(allowed), "/me", KEYS.token("orders:read")).status());
    assertRefused(get(aliceClient, base(required), "/me", KEYS.token("orders:read")),
        "accepts only access tokens bound to a client certificate");
    assertEquals(200, get(aliceClient, base(required), "/me", boundTo(alice)).status());
  }

  @Test
  void aBoundTokenIsRefusedWhereCertificateBoundTokensAreOff() throws Exception {
    assertRefused(get(aliceClient, base(off), "/me", boundTo(alice)), "does not accept certificate-bound tokens");
    assertEquals(200, get(aliceClient, base(off), "/me", KEYS.token("orders:read")).status());
  }

  @Test
  void theMetadataSaysWhetherCertificateBoundTokensAreSupported() throws Exception {
    String supported = get(anonymousClient, base(allowed), "/.well-known/oauth-protected-resource", null).body();
    assertTrue(supported.contains("\"tls_client_certificate_bound_access_tokens\":true"), supported);
    String unsupported = get(anonymousClient, base(off), "/.well-known/oauth-protected-resource", null).body();
    assertFalse(unsupported.contains("tls_client_certificate_bound_access_tokens"), unsupported);
  }

  private static String escaped(TestCertificates.Identity identity) {
    // As nginx's $ssl_client_escaped_cert: every byte but letters, digits and -._~ as %XX.
    return URLEncoder.encode(identity.pem(), StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Test
  void behindAProxyTheConfiguredHeaderCarriesTheCertificate() throws Exception {
    Answer passed = get(PLAIN, behindProxy.base(), "/me", boundTo(alice), HEADER, escaped(alice));
    assertEquals(200, passed.status(), passed::toString);
    assertRefused(get(PLAIN, behindProxy.base(), "/me", boundTo(alice), HEADER, escaped(mallory)),
        "bound to another client certificate");
    assertRefused(get(PLAIN, behindProxy.base(), "/me", boundTo(alice)), "the request came without one");
  }

  @Test
  void aMalformedProxyHeaderIsRefusedClearly() throws Exception {
    assertRefused(get(PLAIN, behindProxy.base(), "/me", boundTo(alice), HEADER, "not%2certificate"),
        "The X-Client-Cert header does not hold a URL-encoded PEM client certificate");
    assertRefused(get(PLAIN, behindProxy.base(), "/me", boundTo(alice), HEADER,
        escaped(alice).replace("MII", "MIJ")), "The X-Client-Cert header does not hold");
    assertRefused(get(PLAIN, behindProxy.base(), "/me", boundTo(alice), HEADER, escaped(alice), HEADER,
        escaped(mallory)), "The request has 2 X-Client-Cert headers");
  }

  @Test
  void aCertificateHeaderIsIgnoredUnlessConfigured() throws Exception {
    assertRefused(get(PLAIN, noTrustedHeader.base(), "/me", boundTo(alice), HEADER, escaped(alice)),
        "the request came without one");
  }
}
