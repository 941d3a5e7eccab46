package dev.portcullis.internal.introspection;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The resolved and checked introspection settings of one configuration. The secret never
 * appears in {@link #toString()}.
 */
public final class IntrospectionSettings {
  /** The client authentication methods the resource server can use at the endpoint. */
  public static final List<String> METHODS =
      List.of("client_secret_basic", "client_secret_post", "client_secret_jwt", "private_key_jwt");

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

  /**
   * @param endpoint the configured endpoint, or {@code null} to discover it
   * @param method one of {@link #METHODS}
   */
  public IntrospectionSettings(URI endpoint, String clientId, String clientSecret, String method, Path privateKey,
      String keyId, Duration cacheTtl, boolean allTokens, Duration httpTimeout, boolean jwtResponse) {
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

  /** The client secret; empty for {@code private_key_jwt}. */
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
        + allTokens + ", httpTimeout=" + httpTimeout + ", jwtResponse=" + jwtResponse + "}";
  }
}
