package dev.portcullis.client;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.text.ParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The private key a client signs {@code private_key_jwt} assertions with, its key id ({@code
 * kid}) and signature algorithm: RS256 (default for RSA keys), PS256, or ES256 (P-256 keys).
 *
 * <pre>{@code
 * ClientKey key = ClientKey.fromFile(Path.of("/run/secrets/orders-client.pem"), "2024-01")
 *     .withAlgorithm("PS256");
 * }</pre>
 *
 * <p>Files may hold an unencrypted PEM key (PKCS#8 {@code PRIVATE KEY}, {@code RSA PRIVATE KEY}
 * or {@code EC PRIVATE KEY}) or a private JWK, whose {@code kid} and {@code alg} are used when
 * present. Invalid keys fail with a {@link ClientConfigurationException}. The key never appears
 * in {@link #toString()}.
 */
public final class ClientKey {
  private static final Set<JWSAlgorithm> RSA_ALGORITHMS = Set.of(JWSAlgorithm.RS256,
      JWSAlgorithm.PS256);

  private final PrivateKey privateKey;
  private final String keyId;
  private final JWSAlgorithm algorithm;

  private ClientKey(PrivateKey privateKey, String keyId, JWSAlgorithm algorithm) {
    this.privateKey = privateKey;
    this.keyId = keyId;
    this.algorithm = algorithm;
  }

  /** A key read from a PEM or JWK file; {@code keyId} may be null to use the JWK's own. */
  public static ClientKey fromFile(Path file, String keyId) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ClientConfigurationException("The client key file " + file + " could not be"
          + " read (" + e.getClass().getSimpleName() + "). Check the path and its permissions.",
          e);
    }
    return parse(text, keyId, file.toString());
  }

  /** A key from PEM or JWK text; {@code keyId} may be null to use the JWK's own. */
  public static ClientKey parse(String pemOrJwk, String keyId) {
    return parse(pemOrJwk, keyId, "the given key text");
  }

  /** An RSA or EC private key held in memory. */
  public static ClientKey of(PrivateKey privateKey, String keyId) {
    Objects.requireNonNull(privateKey, "privateKey");
    return new ClientKey(privateKey, keyId, defaultAlgorithm(privateKey, "the given key"));
  }

  private static ClientKey parse(String text, String keyId, String source) {
    if (PemKeys.looksLikePem(text)) {
      PrivateKey key = PemKeys.privateKey(text, source);
      return new ClientKey(key, keyId, defaultAlgorithm(key, source));
    }
    try {
      JWK jwk = JWK.parse(text.strip());
      if (!jwk.isPrivate()) {
        throw new ClientConfigurationException("The JWK in " + source + " is a public key. The"
            + " client needs its private key to sign assertions.");
      }
      PrivateKey key = jwk instanceof RSAKey ? ((RSAKey) jwk).toPrivateKey()
          : jwk instanceof ECKey ? ((ECKey) jwk).toPrivateKey() : null;
      if (key == null) {
        throw new ClientConfigurationException("The JWK in " + source + " has key type "
            + jwk.getKeyType() + ". Use an RSA or EC (P-256) key.");
      }
      ClientKey clientKey = new ClientKey(key, keyId != null ? keyId : jwk.getKeyID(),
          defaultAlgorithm(key, source));
      return jwk.getAlgorithm() == null ? clientKey
          : clientKey.withAlgorithm(jwk.getAlgorithm().getName());
    } catch (ParseException | JOSEException e) {
      throw new ClientConfigurationException("The key in " + source + " is neither a PEM"
          + " private key nor a JWK. Provide an unencrypted PEM key or a private JWK.", e);
    }
  }

  private static JWSAlgorithm defaultAlgorithm(PrivateKey key, String source) {
    if (key instanceof RSAPrivateKey) {
      return JWSAlgorithm.RS256;
    }
    if (key instanceof ECPrivateKey
        && ((ECPrivateKey) key).getParams().getCurve().getField().getFieldSize() == 256) {
      return JWSAlgorithm.ES256;
    }
    throw new ClientConfigurationException("The key in " + source + " is neither RSA nor an EC"
        + " P-256 key. Use RSA (RS256, PS256) or EC P-256 (ES256).");
  }

  /** This key with the signature algorithm {@code RS256}, {@code PS256} or {@code ES256}. */
  public ClientKey withAlgorithm(String algorithm) {
    JWSAlgorithm requested = JWSAlgorithm.parse(algorithm.strip().toUpperCase(Locale.ROOT));
    boolean fits = privateKey instanceof RSAPrivateKey ? RSA_ALGORITHMS.contains(requested)
        : requested.equals(JWSAlgorithm.ES256);
    if (!fits) {
      throw new ClientConfigurationException("The signature algorithm " + algorithm
          + " does not fit this " + privateKey.getAlgorithm() + " key. Use RS256 or PS256 with RSA"
          + " keys and ES256 with EC P-256 keys.");
    }
    return new ClientKey(privateKey, keyId, requested);
  }

  /** The key id sent as the assertion's {@code kid} header, or null if none was given. */
  public String keyId() {
    return keyId;
  }

  /** The signature algorithm name: {@code RS256}, {@code PS256} or {@code ES256}. */
  public String algorithm() {
    return algorithm.getName();
  }

  PrivateKey privateKey() {
    return privateKey;
  }

  JWSAlgorithm jwsAlgorithm() {
    return algorithm;
  }

  @Override
  public String toString() {
    return "ClientKey[" + privateKey.getAlgorithm() + ", kid=" + keyId + ", alg="
        + algorithm.getName() + ", key=(redacted)]";
  }
}
