package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.portcullis.client.ClientAuthentication;
import dev.portcullis.client.ClientTls;
import dev.portcullis.client.OAuthClientSettings;
import dev.portcullis.client.OAuthClients;
import dev.portcullis.client.TestCertificates;
import dev.portcullis.testapp.ItemsClient;
import dev.portcullis.testapp.ItemsResource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Mutual TLS end to end, with certificates made here: a generated client authenticates with
 * {@code tls_client_auth} at an HTTPS token endpoint that needs its certificate, gets a token
 * bound to it ({@code cnf.x5t#S256}), and calls the API over the same certificate, which accepts
 * it; the same token over another certificate, or over none, is refused.
 */
class MutualTlsClientTest {
  private static final String CLIENT_ID = "items-service";
  private static final String SUBJECT = "CN=items-service,O=Shop";

  @RegisterExtension
  static final KeyServer KEYS = KeyServer.started();

  private static TestCertificates.Identity authority;
  private static TestCertificates.Identity clientIdentity;
  private static TestCertificates.Identity otherIdentity;
  private static HttpsServer tokenEndpoint;
  private static JaxRsServer.Running api;
  private static volatile String lastIssued;

  @BeforeAll
  static void start() throws Exception {
    authority = TestCertificates.authority("CN=Test CA");
    TestCertificates.Identity server = TestCertificates.server(authority);
    clientIdentity = TestCertificates.client(SUBJECT, authority);
    otherIdentity = TestCertificates.client("CN=someone-else,O=Shop", authority);
    SSLContext serverTls = TestCertificates.context(server, authority.certificate());
    tokenEndpoint = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    tokenEndpoint.setHttpsConfigurator(new HttpsConfigurator(serverTls) {
      @Override
      public void configure(HttpsParameters parameters) {
        SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
        ssl.setNeedClientAuth(true);
        parameters.setSSLParameters(ssl);
      }
    });
    tokenEndpoint.createContext("/token", MutualTlsClientTest::token);
    tokenEndpoint.start();
    api = TestApp.implementation().startHttps(new TestApplication(Map.of(), ItemsResource.class,
        new PortcullisFeature(KEYS.config().certificateBoundTokens(PortcullisConfig.CertificateBoundTokens.ALLOWED)
            .resourceMetadata(false).build())), serverTls);
  }

  @AfterAll
  static void stop() {
    tokenEndpoint.stop(0);
    api.close();
  }

  /** tls_client_auth: the client's certificate, from the trusted CA, with the registered subject. */
  private static void token(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
    String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    X509Certificate presented;
    try {
      presented = (X509Certificate) ((HttpsExchange) exchange).getSSLSession().getPeerCertificates()[0];
    } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
      presented = null;
    }
    String answer;
    int status;
    if (presented != null && form.contains("client_id=" + CLIENT_ID)
        && presented.getSubjectX500Principal().getName().equals(SUBJECT)) {
      String thumbprint = new TestCertificates.Identity(null, presented).thumbprint();
      lastIssued = KEYS.token(claims -> claims.claim("scope", "items:read").claim("client_id", CLIENT_ID)
          .claim("cnf", Map.of("x5t#S256", thumbprint)));
      answer = "{\"access_token\":\"" + lastIssued + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}";
      status = 200;
    } else {
      answer = "{\"error\":\"invalid_client\"}";
      status = 401;
    }
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static URI apiBase() {
    return URI.create("https://127.0.0.1:" + api.port() + "/");
  }

  /** The answer to GET /items/7 with {@code token} over {@code identity}'s certificate, or none. */
  private static HttpResponse<String> call(TestCertificates.Identity identity, String token) throws Exception {
    HttpClient client = HttpClient.newBuilder()
        .sslContext(TestCertificates.context(identity, authority.certificate())).build();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(apiBase().resolve("items/7"))
          .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 503 || System.nanoTime() > deadline) {
        return response;
      }
      Thread.sleep(200); // the API is still loading the issuer's keys
    }
  }

  @Test
  void aGeneratedClientWithTlsClientAuthCallsTheApiWithItsCertificateBoundToken() throws Exception {
    // Until the API has the issuer's keys it answers 503; wait for them with a token of its own.
    call(clientIdentity, KEYS.token(claims -> claims.claim("scope", "items:read")));
    ItemsClient items = OAuthClients.builder(ItemsClient.class)
        .baseUri(apiBase())
        .settings(OAuthClientSettings.builder()
            .tokenEndpoint("https://127.0.0.1:" + tokenEndpoint.getAddress().getPort() + "/token")
            .clientId(CLIENT_ID)
            .authentication(ClientAuthentication.tlsClientAuth())
            .tls(ClientTls.of(TestCertificates.context(clientIdentity, authority.certificate())))
            .build())
        .build();
    assertEquals("item 7", items.get("7"));

    String bound = lastIssued;
    assertEquals(200, call(clientIdentity, bound).statusCode());
    HttpResponse<String> otherCertificate = call(otherIdentity, bound);
    assertEquals(401, otherCertificate.statusCode());
    assertTrue(otherCertificate.headers().firstValue("WWW-Authenticate").orElseThrow()
        .contains("bound to another client certificate"));
    HttpResponse<String> noCertificate = call(null, bound);
    assertEquals(401, noCertificate.statusCode());
    assertTrue(noCertificate.headers().firstValue("WWW-Authenticate").orElseThrow()
        .contains("the request came without one"));
  }
}
