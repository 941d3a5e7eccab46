package dev.portcullis.internal.keys;

import dev.portcullis.PortcullisConfigException;
import dev.portcullis.internal.settings.SettingsSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS of the resource server's own calls to its issuers (metadata and key sets) when they
 * trust the authorities of a PEM file instead of the JDK's: for an identity provider whose
 * certificate a private CA signed. The file is read once, when the configuration is built, so
 * that a mistake stops the application from starting rather than surfacing at request time.
 */
public final class TrustedAuthorities {
  private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
  private static final String END = "-----END CERTIFICATE-----";

  private TrustedAuthorities() {}

  /**
   * TLS trusting exactly the certificates in {@code file}, one or more PEM certificates.
   *
   * @param key the setting that names the file, for the messages
   * @throws PortcullisConfigException naming the setting and the file when the file cannot be
   *     read, holds no certificate or is not PEM
   */
  public static SSLContext read(String key, Path file) {
    String setting = SettingsSource.describe(key);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new PortcullisConfigException("The file " + file + " in " + SettingsSource.propertyName(key)
          + " could not be read (" + e.getClass().getSimpleName() + "); set " + setting + " to a PEM file of the"
          + " certificates of the authorities to trust, and check its path and permissions.");
    }
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    String named = "The file " + file + " in " + SettingsSource.propertyName(key);
    if (!text.contains(BEGIN)) {
      // A PEM file of something else (a key) or an empty one holds no certificate; anything else is not PEM at all.
      throw new PortcullisConfigException(named + (text.isBlank() || text.contains("-----BEGIN ")
          ? " holds no certificate; put the certificates of the authorities to trust in it"
          : " is not a PEM file; convert it (a binary DER certificate with openssl x509 -inform der -in "
              + file.getFileName() + " -out ca.pem) or set " + setting + " to a file of the authorities' certificates")
          + ", each between " + BEGIN + " and " + END + ".");
    }
    List<Certificate> certificates = new ArrayList<>();
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      certificates.addAll(CertificateFactory.getInstance("X.509").generateCertificates(in));
    } catch (IOException | GeneralSecurityException e) {
      throw new PortcullisConfigException(named + " is not a PEM file of certificates that can be read ("
          + e.getClass().getSimpleName() + "); give complete certificates, each between " + BEGIN + " and " + END
          + ".");
    }
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trustManagers(certificates), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new PortcullisConfigException("The certificates in " + file + " (" + SettingsSource.propertyName(key)
          + ") could not be used for TLS (" + e.getClass().getSimpleName() + "); check that each is a complete"
          + " X.509 certificate.");
    }
  }

  /**
   * Trust managers that trust exactly {@code certificates}, the authorities' certificates, and
   * none of the JDK's.
   *
   * @throws GeneralSecurityException or IOException when the JDK cannot hold them in a key store
   */
  public static TrustManager[] trustManagers(List<? extends Certificate> certificates)
      throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    for (int i = 0; i < certificates.size(); i++) {
      store.setCertificateEntry("trusted-" + i, certificates.get(i));
    }
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return factory.getTrustManagers();
  }

  /**
   * What to do when {@code e} comes from a TLS certificate this JVM could not validate (a
   * handshake refused for PKIX path building, a name that does not match), most often a server
   * whose certificate a private CA signed: a sentence naming the settings {@code keys} (the first
   * one as its property and environment variable), after a space. Empty for every other failure.
   */
  public static String hint(Throwable e, String... keys) {
    if (!certificateFailure(e, 0)) {
      return "";
    }
    StringBuilder settings = new StringBuilder(SettingsSource.describe(keys[0]));
    for (int i = 1; i < keys.length; i++) {
      settings.append(" or ").append(SettingsSource.propertyName(keys[i]));
    }
    return " The server's TLS certificate could not be validated: if a private CA signed it, set " + settings
        + " to a PEM file of that CA's certificate (or check that the file it names holds it), and check that the"
        + " certificate names the host in the URL.";
  }

  /** {@link #hint} for the introspection calls, which trust either setting's authorities. */
  public static String introspectionHint(Throwable e) {
    return hint(e, "tls-trusted-certificates", "introspection-tls-trusted-certificates");
  }

  /** Whether {@code e}, its causes or what it suppressed (one failure per metadata location) is a certificate's. */
  private static boolean certificateFailure(Throwable e, int depth) {
    if (e == null || depth > 8) {
      return false;
    }
    if (e instanceof CertificateException || e instanceof CertPathBuilderException
        || e instanceof CertPathValidatorException) {
      return true;
    }
    for (Throwable suppressed : e.getSuppressed()) {
      if (certificateFailure(suppressed, depth + 1)) {
        return true;
      }
    }
    return e.getCause() != e && certificateFailure(e.getCause(), depth + 1);
  }
}
