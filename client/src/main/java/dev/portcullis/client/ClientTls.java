package dev.portcullis.client;

import dev.portcullis.internal.keys.TrustedAuthorities;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * The client's side of mutual TLS (RFC 8705): the certificate and private key it presents on
 * every TLS connection it makes (token requests and, with the default JAX-RS client of {@link
 * OAuthClients}, API calls), and optionally the authorities it trusts instead of the JDK's.
 *
 * <pre>{@code
 * ClientTls tls = ClientTls.fromPem(Path.of("/run/secrets/client-chain.pem"), Path.of("/run/secrets/client-key.pem"))
 *     .trusting(Path.of("/etc/pki/internal-ca.pem"));
 * }</pre>
 *
 * <p>With a certificate the client can authenticate with {@code tls_client_auth} or {@code
 * self_signed_tls_client_auth}, uses the authorization server's {@code mtls_endpoint_aliases}
 * when its metadata has them, and can use certificate-bound tokens, since its API calls go over
 * the same certificate. Keys never appear in {@link #toString()}. Every factory throws {@link
 * ClientConfigurationException} naming the file and the fix when the material cannot be read.
 */
public final class ClientTls {
  private static final char[] IN_MEMORY = new char[0];

  private final SSLContext context;
  private final X509Certificate certificate;
  private final KeyManager[] keyManagers;
  private final int trusted;

  private ClientTls(SSLContext context, X509Certificate certificate, KeyManager[] keyManagers, int trusted) {
    this.context = context;
    this.certificate = certificate;
    this.keyManagers = keyManagers;
    this.trusted = trusted;
  }

  /**
   * The certificate chain (client certificate first) and its unencrypted private key (PKCS#8,
   * RSA or EC), each in a PEM file; the JDK's trusted authorities.
   */
  public static ClientTls fromPem(Path certificateChain, Path privateKey) {
    List<X509Certificate> chain = certificates(certificateChain, "client certificate");
    PrivateKey key = PemKeys.privateKey(read(privateKey, "private key"), privateKey.toString());
    if (!belong(chain.get(0), key)) {
      throw new ClientConfigurationException("The private key in " + privateKey + " does not belong to the"
          + " certificate in " + certificateChain + " (the first one, the client's). Give the key the certificate"
          + " was issued for.");
    }
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("client", key, IN_MEMORY, chain.toArray(X509Certificate[]::new));
      return withKeys(store, IN_MEMORY, chain.get(0));
    } catch (GeneralSecurityException | IOException e) {
      throw new ClientConfigurationException("The client certificate in " + certificateChain + " and its key in "
          + privateKey + " could not be used for TLS (" + e.getClass().getSimpleName() + "). Check that both"
          + " files are complete.", e);
    }
  }

  /**
   * The one private key entry of a PKCS#12 key store, with its certificate chain; the JDK's
   * trusted authorities.
   */
  public static ClientTls fromPkcs12(Path keyStore, char[] password) {
    Objects.requireNonNull(password, "password");
    try (InputStream in = Files.newInputStream(keyStore)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      X509Certificate first = null;
      int keys = 0;
      for (Enumeration<String> aliases = store.aliases(); aliases.hasMoreElements(); ) {
        String alias = aliases.nextElement();
        if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate certificate) {
          first = certificate;
          keys++;
        }
      }
      if (keys != 1) {
        throw new ClientConfigurationException("The key store " + keyStore + " holds " + keys + " private keys with"
            + " a certificate; it must hold exactly one, the client's.");
      }
      return withKeys(store, password, first);
    } catch (IOException | GeneralSecurityException e) {
      throw new ClientConfigurationException("The key store " + keyStore + " could not be read as PKCS#12 ("
          + e.getClass().getSimpleName() + "). Check the path, its permissions and the password.", e);
    }
  }

  /**
   * No client certificate, trusting only the authorities in {@code certificates}: for the
   * resource server's introspection calls to an authorization server with a private CA, which
   * may authenticate with a secret or an assertion instead of a certificate.
   */
  static ClientTls trustingOnly(Path certificates) {
    return new ClientTls(null, null, new KeyManager[0], 0).trusting(certificates);
  }

  /**
   * TLS as {@code context} makes it: the client certificate its key managers choose, and its
   * trust managers.
   */
  public static ClientTls of(SSLContext context) {
    return new ClientTls(Objects.requireNonNull(context, "context"), null, null, -1);
  }

  /**
   * The same client certificate, trusting only the authorities in {@code certificates} (one or
   * more PEM certificates): for authorization servers and APIs with a private CA.
   *
   * @throws IllegalStateException when this was made from an {@link SSLContext}, which has its
   *     own trust managers
   */
  public ClientTls trusting(Path certificates) {
    if (keyManagers == null) {
      throw new IllegalStateException("This ClientTls was made from an SSLContext, which decides what it trusts;"
          + " configure the trusted authorities in that SSLContext instead.");
    }
    List<X509Certificate> authorities = certificates(certificates, "trusted certificate");
    try {
      return new ClientTls(context(keyManagers, TrustedAuthorities.trustManagers(authorities)), certificate,
          keyManagers, authorities.size());
    } catch (GeneralSecurityException | IOException e) {
      throw new ClientConfigurationException("The trusted certificates in " + certificates + " could not be used"
          + " for TLS (" + e.getClass().getSimpleName() + ").", e);
    }
  }

  /** The TLS context every connection of the client is made with. */
  public SSLContext sslContext() {
    return context;
  }

  /**
   * The client certificate, when it is known: read from files or a key store; empty for {@link
   * #of(SSLContext)}.
   */
  public Optional<X509Certificate> certificate() {
    return Optional.ofNullable(certificate);
  }

  private static ClientTls withKeys(KeyStore store, char[] password, X509Certificate certificate)
      throws GeneralSecurityException {
    KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(store, password);
    return new ClientTls(context(factory.getKeyManagers(), null), certificate, factory.getKeyManagers(), 0);
  }

  private static SSLContext context(KeyManager[] keys, TrustManager[] trust) throws GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys, trust, null);
    return context;
  }

  /** Whether {@code key} signs what the certificate's public key verifies. */
  private static boolean belong(X509Certificate certificate, PrivateKey key) {
    String algorithm = key.getAlgorithm().equals("RSA") ? "SHA256withRSA"
        : key.getAlgorithm().startsWith("EC") ? "SHA256withECDSA" : null;
    if (algorithm == null || !certificate.getPublicKey().getAlgorithm().equals(key.getAlgorithm())) {
      return false;
    }
    try {
      byte[] probe = "portcullis client certificate check".getBytes(StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(probe);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static String read(Path file, String what) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ClientConfigurationException("The " + what + " file " + file + " could not be read ("
          + e.getClass().getSimpleName() + "). Check the path and its permissions.", e);
    }
  }

  private static List<X509Certificate> certificates(Path file, String what) {
    Collection<? extends Certificate> read;
    try (InputStream in = Files.newInputStream(file)) {
      read = CertificateFactory.getInstance("X.509").generateCertificates(in);
    } catch (IOException e) {
      throw new ClientConfigurationException("The " + what + " file " + file + " could not be read ("
          + e.getClass().getSimpleName() + "). Check the path and its permissions.", e);
    } catch (GeneralSecurityException e) {
      throw new ClientConfigurationException("The " + what + " file " + file + " does not hold PEM"
          + " certificates (-----BEGIN CERTIFICATE-----).", e);
    }
    List<X509Certificate> certificates = new ArrayList<>();
    read.forEach(certificate -> certificates.add((X509Certificate) certificate));
    if (certificates.isEmpty()) {
      throw new ClientConfigurationException("The " + what + " file " + file + " holds no certificate; give"
          + " PEM certificates (-----BEGIN CERTIFICATE-----).");
    }
    return certificates;
  }

  /**
   * The TLS material in the client's configuration keys, or {@code null} when they set none.
   *
   * @throws ClientConfigurationException naming the keys when they are incomplete or contradict
   */
  static ClientTls fromConfiguration(ClientConfiguration config, String client) {
    Optional<Path> keyStore = config.path("tls-keystore");
    Optional<Path> certificate = config.path("tls-certificate");
    Optional<Path> key = config.path("tls-private-key");
    Optional<Path> trusted = config.path("tls-trusted-certificates");
    if (keyStore.isPresent() && (certificate.isPresent() || key.isPresent())) {
      throw new ClientConfigurationException(client + " has both a TLS key store (" + config.sourceOf("tls-keystore")
          + ") and PEM files (tls-certificate, tls-private-key); set one of them.");
    }
    if (certificate.isPresent() != key.isPresent()) {
      String missing = certificate.isPresent() ? "tls-private-key" : "tls-certificate";
      throw new ClientConfigurationException(client + " has " + (certificate.isPresent() ? "a TLS client certificate"
          + " but no private key" : "a TLS private key but no certificate") + ". "
          + capitalized(config.describe(missing, "tls(ClientTls.fromPem(...))")) + ".");
    }
    ClientTls tls = keyStore.map(path -> fromPkcs12(path, config.string("tls-keystore-password").orElse("")
            .toCharArray()))
        .orElseGet(() -> certificate.map(path -> fromPem(path, key.get())).orElse(null));
    if (trusted.isPresent()) {
      if (tls == null) {
        throw new ClientConfigurationException(client + " trusts the certificates in "
            + config.sourceOf("tls-trusted-certificates") + " but has no TLS client certificate to go with them. Give"
            + " it a certificate and key (tls-certificate and tls-private-key, or tls-keystore): "
            + config.describe("tls-certificate", "tls(ClientTls.fromPem(...))") + ".");
      }
      tls = tls.trusting(trusted.get());
    }
    return tls;
  }

  private static String capitalized(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /** Names the certificate's subject; never the key. */
  @Override
  public String toString() {
    return "ClientTls[" + (certificate != null ? "certificate=" + certificate.getSubjectX500Principal().getName()
        : keyManagers == null ? "from an SSLContext" : "no client certificate")
        + (trusted > 0 ? ", trusting " + trusted + " certificates" : "") + "]";
  }
}
