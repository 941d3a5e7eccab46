package dev.portcullis.client;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.dpop.DPoPProofFactory;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateCrtKey;
import java.text.ParseException;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The key a client proves possession of with DPoP (RFC 9449), and the proofs it signs with it:
 * one for every token request and every API call. The authorization server binds the tokens it
 * issues to the key's thumbprint ({@code cnf.jkt}), and an API accepts such a token only with a
 * fresh proof signed by this key.
 *
 * <pre>{@code
 * OAuthClientSettings settings = OAuthClientSettings.builder("orders")
 *     .issuer("https://idp.example.com/realms/shop")
 *     .clientId("billing-service")
 *     .authentication(ClientAuthentication.clientSecretBasic(secret))
 *     .dpop(true)                                  // a new EC P-256 key per TokenClient
 *     .build();
 * }</pre>
 *
 * <p>A key is {@linkplain #generate() generated} (EC P-256, ES256), by default once per {@link
 * TokenClient}, or loaded from a private JWK (EC P-256 with ES256, RSA of 2048 bits or more
 * with RS256 or PS256) or an RSA PEM key. A loaded key survives restarts, which a refresh token
 * bound to it needs when it is kept in a {@link TokenStore}.
 *
 * <p>It also remembers the newest {@code DPoP-Nonce} each server (scheme, host and port) gave,
 * and puts it into the next proof for that server (RFC 9449 section 8 and 9). The private key
 * never appears in {@link #toString()}, logs or messages; only the public key's RFC 7638
 * thumbprint is shown.
 */
public final class DpopKey {
  private final DPoPProofFactory factory;
  private final JWSAlgorithm algorithm;
  private final String thumbprint;
  private final Map<String, Nonce> nonces = new ConcurrentHashMap<>();

  private DpopKey(JWK privateKey, JWSAlgorithm algorithm) {
    try {
      this.factory = new DefaultDPoPProofFactory(privateKey, algorithm);
      this.algorithm = algorithm;
      this.thumbprint = privateKey.computeThumbprint().toString();
    } catch (JOSEException e) {
      throw new ClientConfigurationException("The DPoP key cannot sign " + algorithm + " proofs."
          + " Use an EC P-256 key (ES256) or an RSA key of 2048 bits or more (RS256, PS256).", e);
    }
  }

  /** A new EC P-256 key that signs ES256 proofs, held in memory only. */
  public static DpopKey generate() {
    try {
      return new DpopKey(new ECKeyGenerator(Curve.P_256).generate(), JWSAlgorithm.ES256);
    } catch (JOSEException e) {
      throw new IllegalStateException("This JVM cannot generate an EC P-256 key.", e);
    }
  }

  /**
   * A key read from a file holding a private JWK or an RSA PEM private key.
   *
   * @throws ClientConfigurationException if the file cannot be read or holds no usable private
   *     key
   */
  public static DpopKey fromFile(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ClientConfigurationException("The DPoP key file " + file + " could not be read ("
          + e.getClass().getSimpleName() + "). Check the path and its permissions.", e);
    }
    return parse(text, "the DPoP key file " + file);
  }

  /**
   * A key from the text of a private JWK or an RSA PEM private key; a JWK's {@code alg} is
   * used when present.
   *
   * @throws ClientConfigurationException if the text holds no usable private key
   */
  public static DpopKey parse(String pemOrJwk) {
    return parse(pemOrJwk, "the given DPoP key text");
  }

  private static DpopKey parse(String text, String source) {
    JWK jwk;
    if (PemKeys.looksLikePem(text)) {
      if (!(PemKeys.privateKey(text, source) instanceof RSAPrivateCrtKey rsa)) {
        throw new ClientConfigurationException("The PEM key in " + source + " is not an RSA key."
            + " A DPoP proof carries the public key, which a PEM EC private key does not hold:"
            + " give an EC key as a private JWK (with \"x\" and \"y\") instead.");
      }
      jwk = rsaJwk(rsa);
    } else {
      try {
        jwk = JWK.parse(text.strip());
      } catch (ParseException e) {
        throw new ClientConfigurationException("The key in " + source + " is neither a PEM"
            + " private key nor a JWK. Provide a private JWK or an unencrypted RSA PEM key.");
      }
    }
    if (!jwk.isPrivate()) {
      throw new ClientConfigurationException("The JWK in " + source + " is a public key. A DPoP"
          + " client signs its proofs with the private key: give the private JWK.");
    }
    return new DpopKey(jwk, algorithm(jwk, source));
  }

  private static JWK rsaJwk(RSAPrivateCrtKey rsa) {
    try {
      java.security.interfaces.RSAPublicKey publicKey = (java.security.interfaces.RSAPublicKey)
          java.security.KeyFactory.getInstance("RSA").generatePublic(
              new java.security.spec.RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
      return new RSAKey.Builder(publicKey).privateKey(rsa).build();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("This JVM cannot make RSA public keys.", e);
    }
  }

  private static JWSAlgorithm algorithm(JWK jwk, String source) {
    if (jwk instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
      return fits(jwk, JWSAlgorithm.ES256, source);
    }
    if (jwk instanceof RSAKey rsa && rsa.size() >= 2048) {
      return fits(jwk, JWSAlgorithm.RS256, source);
    }
    throw new ClientConfigurationException("The key in " + source + " is " + jwk.getKeyType()
        + (jwk instanceof ECKey ec ? " on curve " + ec.getCurve() : "") + " of " + jwk.size()
        + " bits, which DPoP proofs of this client cannot use. Use an EC P-256 key (ES256) or an"
        + " RSA key of 2048 bits or more (RS256, PS256).");
  }

  private static JWSAlgorithm fits(JWK jwk, JWSAlgorithm fallback, String source) {
    if (jwk.getAlgorithm() == null) {
      return fallback;
    }
    JWSAlgorithm named = JWSAlgorithm.parse(jwk.getAlgorithm().getName().toUpperCase(Locale.ROOT));
    boolean rsa = jwk instanceof RSAKey;
    if (rsa ? named.equals(JWSAlgorithm.RS256) || named.equals(JWSAlgorithm.PS256)
        : named.equals(JWSAlgorithm.ES256)) {
      return named;
    }
    throw new ClientConfigurationException("The JWK in " + source + " names the algorithm "
        + named + ", which does not fit its " + jwk.getKeyType() + " key. Use ES256 with EC"
        + " P-256 keys and RS256 or PS256 with RSA keys.");
  }

  /** The RFC 7638 SHA-256 thumbprint of the public key: what a bound token's {@code cnf.jkt} holds. */
  public String thumbprint() {
    return thumbprint;
  }

  /** The signature algorithm of the proofs: {@code ES256}, {@code RS256} or {@code PS256}. */
  public String algorithm() {
    return algorithm.getName();
  }

  /**
   * A fresh proof for one request: {@code htm} {@code method}, {@code htu} {@code uri} without
   * query and fragment, a new {@code jti}, {@code iat} now, the newest nonce the server of
   * {@code uri} gave (if any), and with {@code accessToken} (may be null, as at the token
   * endpoint) its {@code ath}.
   *
   * @throws IllegalArgumentException if {@code uri} is not an absolute http(s) URL
   */
  public String proof(String method, URI uri, String accessToken) {
    return signedProof(method, uri, accessToken).serialize();
  }

  SignedJWT signedProof(String method, URI uri, String accessToken) {
    URI htu = withoutQuery(uri);
    try {
      return factory.createDPoPJWT(new JWTID(), method, htu, new Date(),
          accessToken == null ? null : new DPoPAccessToken(accessToken), nonces.get(origin(htu)));
    } catch (JOSEException e) {
      throw new IllegalStateException("The DPoP proof could not be signed with the client's "
          + algorithm() + " key.", e);
    }
  }

  /**
   * Remembers {@code nonce}, a {@code DPoP-Nonce} the server of {@code uri} sent, for the next
   * proofs to that server; null or blank is ignored.
   */
  public void rememberNonce(URI uri, String nonce) {
    if (nonce != null && !nonce.isBlank()) {
      nonces.put(origin(uri), new Nonce(nonce.strip()));
    }
  }

  /** The newest nonce the server of {@code uri} sent, or null. */
  String nonce(URI uri) {
    Nonce nonce = nonces.get(origin(uri));
    return nonce == null ? null : nonce.getValue();
  }

  private static URI withoutQuery(URI uri) {
    if (!uri.isAbsolute() || uri.getHost() == null || !(uri.getScheme().equalsIgnoreCase("https")
        || uri.getScheme().equalsIgnoreCase("http"))) {
      throw new IllegalArgumentException("A DPoP proof names an absolute http(s) URL, not "
          + uri + ".");
    }
    // The raw parts keep the path's percent-encoding exactly as the request sends it.
    return URI.create(uri.getScheme() + "://" + uri.getRawAuthority()
        + (uri.getRawPath() == null ? "" : uri.getRawPath()));
  }

  private static String origin(URI uri) {
    int port = uri.getPort() != -1 ? uri.getPort()
        : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    return uri.getScheme().toLowerCase(Locale.ROOT) + "://"
        + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
  }

  @Override
  public String toString() {
    return "DpopKey[alg=" + algorithm() + ", jkt=" + thumbprint + ", key=(redacted)]";
  }
}
