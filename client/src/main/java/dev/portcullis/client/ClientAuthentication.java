package dev.portcullis.client;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretJWT;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.JWTAuthenticationClaimsSet;
import com.nimbusds.oauth2.sdk.auth.PKITLSClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.auth.SelfSignedTLSClientAuthentication;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.JWTID;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLSocketFactory;

/**
 * How the client authenticates at the token endpoint, with its credential.
 *
 * <pre>{@code
 * ClientAuthentication.clientSecretBasic(System.getenv("ORDERS_CLIENT_SECRET"));
 * ClientAuthentication.privateKeyJwt(ClientKey.fromFile(Path.of("client.pem"), "key-1"));
 * ClientAuthentication.none();   // public client
 * ClientAuthentication.tlsClientAuth();   // mutual TLS with the settings' ClientTls
 * }</pre>
 *
 * <p>JWT assertions ({@code client_secret_jwt}, {@code private_key_jwt}) are made fresh for
 * every request with {@code iss} = {@code sub} = the client id, {@code aud} = the token
 * endpoint URL, a random {@code jti} and an {@code exp} {@value #ASSERTION_SECONDS} seconds
 * ahead. Secrets and keys never appear in {@link #toString()}.
 */
public final class ClientAuthentication {
  static final int ASSERTION_SECONDS = 60;
  private static final Duration ASSERTION_LIFETIME = Duration.ofSeconds(ASSERTION_SECONDS);

  private final ClientAuthenticationMethod method;
  private final Secret secret;
  private final ClientKey key;

  private ClientAuthentication(ClientAuthenticationMethod method, String secret, ClientKey key) {
    this.method = method;
    this.secret = secret == null ? null : new Secret(secret);
    this.key = key;
  }

  /** {@code client_secret_basic}: the secret in an HTTP Basic header. */
  public static ClientAuthentication clientSecretBasic(String clientSecret) {
    return new ClientAuthentication(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
        requireSecret(clientSecret), null);
  }

  /** {@code client_secret_post}: the secret as a form field. */
  public static ClientAuthentication clientSecretPost(String clientSecret) {
    return new ClientAuthentication(ClientAuthenticationMethod.CLIENT_SECRET_POST,
        requireSecret(clientSecret), null);
  }

  /** {@code client_secret_jwt}: an HS256 assertion keyed with the secret (32+ bytes). */
  public static ClientAuthentication clientSecretJwt(String clientSecret) {
    if (requireSecret(clientSecret).getBytes(StandardCharsets.UTF_8).length < 32) {
      throw new ClientConfigurationException("The client secret is too short for"
          + " client_secret_jwt: HS256 needs at least 32 bytes. Use a longer secret or another"
          + " client authentication method.");
    }
    return new ClientAuthentication(ClientAuthenticationMethod.CLIENT_SECRET_JWT, clientSecret,
        null);
  }

  /** {@code private_key_jwt}: an assertion signed with {@code key}. */
  public static ClientAuthentication privateKeyJwt(ClientKey key) {
    return new ClientAuthentication(ClientAuthenticationMethod.PRIVATE_KEY_JWT, null,
        Objects.requireNonNull(key, "key"));
  }

  /**
   * {@code tls_client_auth} (RFC 8705 section 2.1): the client proves its identity with the
   * certificate of its {@link ClientTls}, which the settings must then have ({@link
   * OAuthClientSettings.Builder#tls}); the authorization server checks it against the CA it
   * trusts and the subject registered for the client.
   */
  public static ClientAuthentication tlsClientAuth() {
    return new ClientAuthentication(ClientAuthenticationMethod.TLS_CLIENT_AUTH, null, null);
  }

  /**
   * {@code self_signed_tls_client_auth} (RFC 8705 section 2.2): as {@link #tlsClientAuth()}, with
   * a self-signed certificate the authorization server has registered for the client.
   */
  public static ClientAuthentication selfSignedTlsClientAuth() {
    return new ClientAuthentication(ClientAuthenticationMethod.SELF_SIGNED_TLS_CLIENT_AUTH, null, null);
  }

  /** Whether the client authenticates with its TLS certificate (RFC 8705). */
  boolean usesCertificate() {
    return method == ClientAuthenticationMethod.TLS_CLIENT_AUTH
        || method == ClientAuthenticationMethod.SELF_SIGNED_TLS_CLIENT_AUTH;
  }

  /** {@code none}: a public client that sends only its {@code client_id}. */
  public static ClientAuthentication none() {
    return new ClientAuthentication(ClientAuthenticationMethod.NONE, null, null);
  }

  private static String requireSecret(String secret) {
    if (secret == null || secret.isEmpty()) {
      throw new ClientConfigurationException("The client secret is empty. Set the secret the"
          + " authorization server issued for this client.");
    }
    return secret;
  }

  /** The authentication method. */
  public ClientAuthenticationMethod method() {
    return method;
  }

  /**
   * The Nimbus client authentication for one request to {@code tokenEndpoint}, or null for
   * {@code none}, whose {@code client_id} the token request carries itself.
   */
  com.nimbusds.oauth2.sdk.auth.ClientAuthentication forRequest(ClientID clientId,
      URI tokenEndpoint, Instant now) {
    try {
      switch (method) {
        case CLIENT_SECRET_BASIC:
          return new ClientSecretBasic(clientId, secret);
        case CLIENT_SECRET_POST:
          return new ClientSecretPost(clientId, secret);
        case CLIENT_SECRET_JWT:
          SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256),
              assertionClaims(clientId, tokenEndpoint, now).toJWTClaimsSet());
          hmac.sign(new MACSigner(secret.getValueBytes()));
          return new ClientSecretJWT(hmac);
        case PRIVATE_KEY_JWT:
          return new PrivateKeyJWT(assertionClaims(clientId, tokenEndpoint, now),
              key.jwsAlgorithm(), key.privateKey(), key.keyId(), null);
        case NONE:
          return null;
        case TLS_CLIENT_AUTH:
          // The certificate goes on the connection (ClientTls); the request carries client_id.
          return new PKITLSClientAuthentication(clientId, (SSLSocketFactory) null);
        case SELF_SIGNED_TLS_CLIENT_AUTH:
          return new SelfSignedTLSClientAuthentication(clientId, (SSLSocketFactory) null);
        default:
          throw new AssertionError(method);
      }
    } catch (JOSEException e) {
      throw new TokenAcquisitionException("The client assertion for " + method + " could not"
          + " be signed (" + e.getClass().getSimpleName() + "). Check the client key.", e);
    }
  }

  private static JWTAuthenticationClaimsSet assertionClaims(ClientID clientId, URI endpoint,
      Instant now) {
    return new JWTAuthenticationClaimsSet(clientId, List.of(new Audience(endpoint)),
        Date.from(now.plus(ASSERTION_LIFETIME)), null, Date.from(now), new JWTID());
  }

  @Override
  public String toString() {
    return "ClientAuthentication[" + method.wireName()
        + (secret != null ? ", secret=(redacted)" : "") + (key != null ? ", " + key : "") + "]";
  }
}
