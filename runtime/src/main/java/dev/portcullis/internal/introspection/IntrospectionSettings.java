package dev.portcullis.internal.introspection;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The resolved and checked introspection settings of one configuration. The secret and the key
 * store password never appear in {@link #toString()}.
 */
public final class IntrospectionSettings {
  /** The client authentication methods the resource server can use at the endpoint. */
  public static final List<String> METHODS = List.of("client_secret_basic", "client_secret_post",
      "client_secret_jwt", "private_key_jwt", "tls_client_auth", "self_signed_tls_client_auth");
  /** The methods of {@link #METHODS} that authenticate with the TLS client certificate (RFC 8705 section 2). */
  public static final List<String> CERTIFICATE_METHODS = List.of("tls_client_auth", "self_signed_tls_client_auth");

  private final URI endpoint;
  private final String clientId;
  private final String clientSecret;
  private final String method;
  private final Path privateKey;
  private final String keyId;
  private final Duration cacheTtl;
  private final boolean allTokens;
  private final Duration httpTimeout;
  private final boolean jwtResponse;
  private final Tls tls;

  /**
   * The TLS of the introspection calls: the client certificate they present, from PEM files or
   * a PKCS#12 key store, and the authorities they trust instead of the JDK's. Each part is
   * {@code null} when not configured; the files are read by portcullis-client. The key store
   * password never appears in {@link #toString()}.
   *
   * @param certificate the PEM certificate chain, this API's certificate first
   * @param privateKey the PEM private key of that certificate
   * @param keyStore the PKCS#12 key store, instead of the PEM files
   * @param keyStorePassword its password; empty when it has none
   * @param trustedCertificates the PEM certificates of the authorities to trust: those of
   *     {@code introspection-tls-trusted-certificates}, else those of {@code tls-trusted-certificates}
   */
  public record Tls(Path certificate, Path privateKey, Path keyStore, String keyStorePassword,
      Path trustedCertificates) {
    /** Whether the calls present a client certificate (mutual TLS), not only trust other authorities. */
    public boolean presentsCertificate() {
      return certificate != null || keyStore != null;
    }

    @Override
    public String toString() {
      return "Tls{" + (certificate != null ? "certificate=" + certificate + ", privateKey=" + privateKey : "")
          + (keyStore != null ? "keyStore=" + keyStore + ", keyStorePassword=(redacted)" : "")
          + (trustedCertificates != null ? (presentsCertificate() ? ", " : "") + "trustedCertificates="
              + trustedCertificates : "") + "}";
    }
  }

  /**
   * @param endpoint the configured endpoint, or {@code null} to discover it
   * @param method one of {@link #METHODS}
   * @param tls the TLS of the calls, or {@code null} for the JDK's default
   */
  public IntrospectionSettings(URI endpoint, String clientId, String clientSecret, String method, Path privateKey,
      String keyId, Duration cacheTtl, boolean allTokens, Duration httpTimeout, boolean jwtResponse, Tls tls) {
    this.endpoint = endpoint;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.method = method;
    this.privateKey = privateKey;
    this.keyId = keyId;
    this.cacheTtl = cacheTtl;
    this.allTokens = allTokens;
    this.httpTimeout = httpTimeout;
    this.jwtResponse = jwtResponse;
    this.tls = tls;
  }

  /** The TLS of the calls; empty for the JDK's default, with no client certificate. */
  public Optional<Tls> tls() {
    return Optional.ofNullable(tls);
  }

  /** Whether the calls present a client certificate, so that the issuer's {@code mtls_endpoint_aliases} apply. */
  public boolean mutualTls() {
    return tls != null && tls.presentsCertificate();
  }

  /** Whether answers are asked for as signed JWTs (RFC 9701). */
  public boolean jwtResponse() {
    return jwtResponse;
  }

  /** The configured endpoint; empty when it comes from the issuer's metadata. */
  public Optional<URI> endpoint() {
    return Optional.ofNullable(endpoint);
  }

  /** The resource server's client id at the endpoint. */
  public String clientId() {
    return clientId;
  }

  /** The client secret; empty for {@code private_key_jwt} and the certificate methods. */
  public Optional<String> clientSecret() {
    return Optional.ofNullable(clientSecret);
  }

  /** The client authentication method, one of {@link #METHODS}. */
  public String method() {
    return method;
  }

  /** The private key file for {@code private_key_jwt}. */
  public Optional<Path> privateKey() {
    return Optional.ofNullable(privateKey);
  }

  /** The {@code kid} of the assertions, if configured. */
  public Optional<String> keyId() {
    return Optional.ofNullable(keyId);
  }

  /** How long an active answer is remembered at most; zero when answers are not remembered. */
  public Duration cacheTtl() {
    return cacheTtl;
  }

  /** Whether every token is introspected, JWTs included; otherwise only those that are not JWTs. */
  public boolean allTokens() {
    return allTokens;
  }

  /** The bound on one introspection call, connecting and answering together. */
  public Duration httpTimeout() {
    return httpTimeout;
  }

  @Override
  public String toString() {
    return "IntrospectionSettings{endpoint=" + (endpoint == null ? "(discovered)" : endpoint) + ", clientId="
        + clientId + ", method=" + method + (clientSecret != null ? ", secret=(redacted)" : "")
        + (privateKey != null ? ", privateKey=" + privateKey : "") + ", cacheTtl=" + cacheTtl + ", allTokens="
        + allTokens + ", httpTimeout=" + httpTimeout + ", jwtResponse=" + jwtResponse
        + (tls != null ? ", tls=" + tls : "") + "}";
  }
}
