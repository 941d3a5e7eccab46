package dev.portcullis.client;

import static dev.portcullis.client.LoopbackExchanges.sendJson;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * An authorization server on loopback that authenticates clients by their TLS certificate (RFC
 * 8705 section 2): its HTTPS token endpoint needs a client certificate and accepts one client
 * registered for {@code tls_client_auth} (a certificate from the test CA with the registered
 * subject) and one for {@code self_signed_tls_client_auth} (exactly the registered certificate).
 * Tokens name the thumbprint of the certificate they were issued over. Its metadata is served
 * over plain HTTP, with the HTTPS endpoint as the {@code mtls_endpoint_aliases} token endpoint and
 * a plain one that refuses every request as the ordinary token endpoint; and, for {@link
 * #httpsIssuer()}, over HTTPS with the HTTPS token endpoint.
 */
final class MutualTlsAuthorizationServer implements AutoCloseable {
  static final String PKI_CLIENT = "orders-client";
  static final String PKI_SUBJECT = "CN=orders-client,O=Shop";
  static final String SELF_SIGNED_CLIENT = "self-signed-client";

  /** One token request as received. */
  record Received(String path, Map<String, String> form, String authorization, X509Certificate certificate) {}

  private final TestCertificates.Identity authority;
  private final X509Certificate selfSigned;
  private final HttpsServer tls;
  private final HttpServer plain;
  private final List<Received> received = new CopyOnWriteArrayList<>();

  MutualTlsAuthorizationServer(TestCertificates.Identity authority, X509Certificate selfSigned) throws IOException {
    this.authority = authority;
    this.selfSigned = selfSigned;
    // The endpoint judges certificates itself: from the CA for one client, self-signed for the other.
    SSLContext context = TestCertificates.context(TestCertificates.server(authority), new AnyClient());
    tls = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    tls.setHttpsConfigurator(new HttpsConfigurator(context) {
      @Override
      public void configure(HttpsParameters parameters) {
        SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
        ssl.setNeedClientAuth(true);
        parameters.setSSLParameters(ssl);
      }
    });
    tls.createContext("/token", this::token);
    // The same server as an issuer of its own, whose certificate only the test CA vouches for.
    tls.createContext("/.well-known/openid-configuration", exchange -> sendJson(exchange, 200, "{\"issuer\":\""
        + httpsIssuer() + "\",\"token_endpoint\":\"" + mtlsTokenEndpoint() + "\"}"));
    tls.start();
    plain = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    plain.createContext("/token", this::token);
    plain.createContext("/.well-known/openid-configuration", exchange -> sendJson(exchange, 200, "{\"issuer\":\""
        + issuer() + "\",\"token_endpoint\":\"" + issuer() + "/token\",\"mtls_endpoint_aliases\":"
        + "{\"token_endpoint\":\"" + mtlsTokenEndpoint() + "\"}}"));
    plain.start();
  }

  URI issuer() {
    return URI.create("http://127.0.0.1:" + plain.getAddress().getPort());
  }

  /** The issuer whose metadata is served over HTTPS, with a certificate from the test CA. */
  URI httpsIssuer() {
    return URI.create("https://127.0.0.1:" + tls.getAddress().getPort());
  }

  URI mtlsTokenEndpoint() {
    return URI.create("https://127.0.0.1:" + tls.getAddress().getPort() + "/token");
  }

  List<Received> received() {
    return new ArrayList<>(received);
  }

  private void token(HttpExchange exchange) throws IOException {
    Map<String, String> form = LoopbackExchanges.form(
        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    X509Certificate certificate = exchange instanceof HttpsExchange https
        ? (X509Certificate) https.getSSLSession().getPeerCertificates()[0] : null;
    received.add(new Received(exchange.getRequestURI().getPath(), form,
        exchange.getRequestHeaders().getFirst("Authorization"), certificate));
    if (certificate == null || !authenticated(form.get("client_id"), certificate)) {
      sendJson(exchange, 401, "{\"error\":\"invalid_client\",\"error_description\":\"The client certificate does"
          + " not authenticate the client.\"}");
      return;
    }
    sendJson(exchange, 200, "{\"access_token\":\"bound-to-" + thumbprint(certificate)
        + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
  }

  private boolean authenticated(String clientId, X509Certificate certificate) {
    if (PKI_CLIENT.equals(clientId)) {
      try {
        certificate.verify(authority.certificate().getPublicKey());
      } catch (GeneralSecurityException e) {
        return false;
      }
      return certificate.getSubjectX500Principal().getName().equals(PKI_SUBJECT);
    }
    return SELF_SIGNED_CLIENT.equals(clientId) && certificate.equals(selfSigned);
  }

  static String thumbprint(X509Certificate certificate) {
    return new TestCertificates.Identity(null, certificate).thumbprint();
  }

  @Override
  public void close() {
    tls.stop(0);
    plain.stop(0);
  }

  /** Accepts every client certificate at the handshake; the token endpoint judges it. */
  private static final class AnyClient extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
      throw new UnsupportedOperationException();
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
