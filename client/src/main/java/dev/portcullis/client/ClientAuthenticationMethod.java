package dev.portcullis.client;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a client proves its identity at the token endpoint, by the names registered in the IANA
 * "OAuth Token Endpoint Authentication Methods" registry.
 */
public enum ClientAuthenticationMethod {
  /** Client id and secret in an HTTP Basic header, each form-urlencoded first (RFC 6749 2.3.1). */
  CLIENT_SECRET_BASIC("client_secret_basic"),
  /** Client id and secret as {@code client_id} and {@code client_secret} form fields. */
  CLIENT_SECRET_POST("client_secret_post"),
  /** A JWT assertion signed with the client secret using HS256 (RFC 7523). */
  CLIENT_SECRET_JWT("client_secret_jwt"),
  /** A JWT assertion signed with the client's private key: RS256, PS256 or ES256 (RFC 7523). */
  PRIVATE_KEY_JWT("private_key_jwt"),
  /** A public client: only {@code client_id} is sent; use PKCE with authorization codes. */
  NONE("none"),
  /**
   * Mutual TLS with a certificate from a CA the authorization server trusts, matched by its
   * subject or another registered name (RFC 8705 section 2.1); {@code client_id} as a form field.
   */
  TLS_CLIENT_AUTH("tls_client_auth"),
  /**
   * Mutual TLS with a self-signed certificate registered with the authorization server (RFC 8705
   * section 2.2); {@code client_id} as a form field.
   */
  SELF_SIGNED_TLS_CLIENT_AUTH("self_signed_tls_client_auth");

  private final String wireName;

  ClientAuthenticationMethod(String wireName) {
    this.wireName = wireName;
  }

  /** The registered name, for example {@code client_secret_basic}. */
  public String wireName() {
    return wireName;
  }

  /** The method with the registered name {@code name}, ignoring case. */
  static ClientAuthenticationMethod fromWireName(String name, String key) {
    for (ClientAuthenticationMethod method : values()) {
      if (method.wireName.equalsIgnoreCase(name.strip())) {
        return method;
      }
    }
    throw new ClientConfigurationException("The client authentication method \"" + name
        + "\" in " + key + " is not supported. Use one of " + Arrays.stream(values())
            .map(ClientAuthenticationMethod::wireName).collect(Collectors.joining(", ")) + ".");
  }

  @Override
  public String toString() {
    return wireName.toLowerCase(Locale.ROOT);
  }
}
