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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * An authorization server on loopback that authenticates clients by their TLS certificate (RFC
 * 8705 section 2): its HTTPS token and introspection endpoints accept one client registered for
 * {@code tls_client_auth} (a certificate from the test CA with the registered subject) and one
 * for {@code self_signed_tls_client_auth} (exactly the registered certificate), and refuse a
 * request without a certificate or with another one ({@code 401 invalid_client}); the
 * HTTPS introspection endpoint also accepts {@link #SECRET_CLIENT} by {@code
 * client_secret_basic}, with or without a certificate. Its HTTPS certificate is issued by the test CA, which clients
 * must trust. Tokens name the thumbprint of the certificate they were issued over; the
 * introspection endpoint says {@link #OPAQUE_TOKEN} is active, for {@link #AUDIENCE}, and any
 * other token is not. Its metadata is served over plain HTTP, with the HTTPS endpoints as the
 * {@code mtls_endpoint_aliases} token and introspection endpoints and plain ones that refuse
 * every request as the ordinary endpoints; and, for {@link #httpsIssuer()}, over HTTPS with the
 * HTTPS endpoints.
 */
public final class MutualTlsAuthorizationServer implements AutoCloseable {
  /** The client that authenticates with {@code tls_client_auth}. */
  public static final String PKI_CLIENT = "orders-client";
  /** The subject of its certificate, as registered. */
  public static final String PKI_SUBJECT = "CN=orders-client,O=Shop";
  /** The client that authenticates with {@code self_signed_tls_client_auth}. */
  public static final String SELF_SIGNED_CLIENT = "self-signed-client";
  /** The client that authenticates at the introspection endpoint with {@link #SECRET}. */
  public static final String SECRET_CLIENT = "secret-client";
  /** Its client secret. */
  public static final String SECRET = "secret-client-secret";
  /** The opaque token the introspection endpoint says is active. */
  public static final String OPAQUE_TOKEN = "2YotnFZFEjr1zCsicMWpAA";
  /** The audience the introspection endpoint gives that token. */
  public static final String AUDIENCE = "orders-api";
  /** The subject the introspection endpoint gives that token. */
  public static final String SUBJECT = "alice";
  /** The scope the introspection endpoint gives that token. */
  public static final String SCOPE = "orders:read";

  /** One request as received; {@code certificate} is the client's, or {@code null} without one. */
  public record Received(String path, Map<String, String> form, String authorization, X509Certificate certificate) {}

  private final TestCertificates.Identity authority;
  private final X509Certificate selfSigned;
  private final HttpsServer tls;
  private final HttpServer plain;
  private final List<Received> received = new CopyOnWriteArrayList<>();

  /**
   * Starts the server: {@code authority} issues its HTTPS certificate and the {@code
   * tls_client_auth} client's, {@code selfSigned} is the {@code self_signed_tls_client_auth}
   * client's registered certificate.
   */
  public MutualTlsAuthorizationServer(TestCertificates.Identity authority, X509Certificate selfSigned)
      throws IOException {
    this.authority = authority;
    this.selfSigned = selfSigned;
    // The endpoint judges certificates itself: from the CA for one client, self-signed for the other.
    SSLContext context = TestCertificates.context(TestCertificates.server(authority), new AnyClient());
    tls = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    tls.setHttpsConfigurator(new HttpsConfigurator(context) {
      @Override
      public void configure(HttpsParameters parameters) {
        SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
        // Asked for, not demanded: a client without one is refused by the endpoint, as RFC 8705 servers do.
        ssl.setWantClientAuth(true);
        parameters.setSSLParameters(ssl);
      }
    });
    tls.createContext("/token", this::token);
    tls.createContext("/introspect", this::introspect);
    // The same server as an issuer of its own, whose certificate only the test CA vouches for.
    tls.createContext("/.well-known/openid-configuration", exchange -> sendJson(exchange, 200, "{\"issuer\":\""
        + httpsIssuer() + "\",\"token_endpoint\":\"" + mtlsTokenEndpoint() + "\",\"introspection_endpoint\":\""
        + mtlsIntrospectionEndpoint() + "\"}"));
    tls.start();
    plain = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    plain.createContext("/token", this::token);
    plain.createContext("/introspect", exchange -> {
      receive(exchange);
      refuse(exchange);
    });
    plain.createContext("/.well-known/openid-configuration", exchange -> sendJson(exchange, 200, "{\"issuer\":\""
        + issuer() + "\",\"token_endpoint\":\"" + issuer() + "/token\",\"introspection_endpoint\":\"" + issuer()
        + "/introspect\",\"mtls_endpoint_aliases\":{\"token_endpoint\":\"" + mtlsTokenEndpoint()
        + "\",\"introspection_endpoint\":\"" + mtlsIntrospectionEndpoint() + "\"}}"));
    plain.start();
  }

  /** The issuer whose metadata is served over plain HTTP, naming the HTTPS endpoints as aliases. */
  public URI issuer() {
    return URI.create("http://127.0.0.1:" + plain.getAddress().getPort());
  }

  /** The issuer whose metadata is served over HTTPS, with a certificate from the test CA. */
  public URI httpsIssuer() {
    return URI.create("https://127.0.0.1:" + tls.getAddress().getPort());
  }

  /** The HTTPS token endpoint. */
  public URI mtlsTokenEndpoint() {
    return URI.create("https://127.0.0.1:" + tls.getAddress().getPort() + "/token");
  }

  /** The HTTPS introspection endpoint. */
  public URI mtlsIntrospectionEndpoint() {
    return URI.create("https://127.0.0.1:" + tls.getAddress().getPort() + "/introspect");
  }

  /** The requests received so far, token and introspection requests alike, in order. */
  public List<Received> received() {
    return new ArrayList<>(received);
  }

  private Received receive(HttpExchange exchange) throws IOException {
    Map<String, String> form = LoopbackExchanges.form(
        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    X509Certificate certificate = null;
    if (exchange instanceof HttpsExchange https) {
      try {
        certificate = (X509Certificate) https.getSSLSession().getPeerCertificates()[0];
      } catch (SSLPeerUnverifiedException e) {
        // no client certificate
      }
    }
    Received request = new Received(exchange.getRequestURI().getPath(), form,
        exchange.getRequestHeaders().getFirst("Authorization"), certificate);
    received.add(request);
    return request;
  }

  private static void refuse(HttpExchange exchange) throws IOException {
    sendJson(exchange, 401, "{\"error\":\"invalid_client\",\"error_description\":\"The client certificate does"
        + " not authenticate the client.\"}");
  }

  private void introspect(HttpExchange exchange) throws IOException {
    Received request = receive(exchange);
    String basic = "Basic " + Base64.getEncoder().encodeToString((SECRET_CLIENT + ":" + SECRET)
        .getBytes(StandardCharsets.UTF_8));
    boolean bySecret = basic.equals(request.authorization());
    if (!bySecret && (request.certificate() == null
        || !authenticated(request.form().get("client_id"), request.certificate()))) {
      refuse(exchange);
      return;
    }
    sendJson(exchange, 200, OPAQUE_TOKEN.equals(request.form().get("token"))
        ? "{\"active\":true,\"token_type\":\"Bearer\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"" + SUBJECT
            + "\",\"scope\":\"" + SCOPE + "\",\"client_id\":\"orders-web\",\"exp\":"
            + (Instant.now().getEpochSecond() + 600) + "}"
        : "{\"active\":false}");
  }

  private void token(HttpExchange exchange) throws IOException {
    Received request = receive(exchange);
    X509Certificate certificate = request.certificate();
    if (certificate == null || !authenticated(request.form().get("client_id"), certificate)) {
      refuse(exchange);
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

  /** The base64url SHA-256 of {@code certificate}. */
  public static String thumbprint(X509Certificate certificate) {
    return new TestCertificates.Identity(null, certificate).thumbprint();
  }

  /** Stops both listeners. */
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
