package dev.portcullis.client;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates made for one test run: a CA, a server certificate for 127.0.0.1 and client
 * certificates it issues, EC P-256, valid for a day; and TLS contexts with them.
 */
public final class TestCertificates {
  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());
  private static final char[] PASSWORD = "test".toCharArray();

  /** A key pair with its certificate. */
  public record Identity(KeyPair keys, X509Certificate certificate) {
    /** The base64url SHA-256 of the certificate, as a token's {@code cnf.x5t#S256}. */
    public String thumbprint() {
      try {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
            MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    /** The private key as PKCS#8 PEM. */
    public String keyPem() {
      return "-----BEGIN PRIVATE KEY-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded())
          + "\n-----END PRIVATE KEY-----\n";
    }

    /** The certificate as PEM. */
    public String pem() {
      try {
        return "-----BEGIN CERTIFICATE-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
            + "\n-----END CERTIFICATE-----\n";
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private TestCertificates() {}

  /** A self-signed certificate authority. */
  public static Identity authority(String name) {
    KeyPair keys = keys();
    return new Identity(keys, sign(name, keys, name, keys, true, false));
  }

  /** A certificate for 127.0.0.1 issued by {@code authority}. */
  public static Identity server(Identity authority) {
    KeyPair keys = keys();
    return new Identity(keys, sign("CN=127.0.0.1", keys, subject(authority), authority.keys(), false, true));
  }

  /** A client certificate with subject {@code dn} issued by {@code authority}. */
  public static Identity client(String dn, Identity authority) {
    KeyPair keys = keys();
    return new Identity(keys, sign(dn, keys, subject(authority), authority.keys(), false, false));
  }

  /** A self-signed client certificate with subject {@code dn}. */
  public static Identity selfSigned(String dn) {
    KeyPair keys = keys();
    return new Identity(keys, sign(dn, keys, dn, keys, false, false));
  }

  /** TLS presenting {@code identity} (none when {@code null}), trusting {@code trusted}. */
  public static SSLContext context(Identity identity, X509Certificate... trusted) {
    try {
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(null, null);
      if (identity != null) {
        keyStore.setKeyEntry("key", identity.keys().getPrivate(), PASSWORD, new X509Certificate[] {identity.certificate()});
      }
      KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keyStore, PASSWORD);
      KeyStore trustStore = KeyStore.getInstance("PKCS12");
      trustStore.load(null, null);
      for (int i = 0; i < trusted.length; i++) {
        trustStore.setCertificateEntry("trusted-" + i, trusted[i]);
      }
      TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trustManagers.init(trustStore);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
      return context;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** TLS presenting {@code identity}, judging the peer's certificates with {@code trust}. */
  public static SSLContext context(Identity identity, javax.net.ssl.TrustManager trust) {
    try {
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(null, null);
      keyStore.setKeyEntry("key", identity.keys().getPrivate(), PASSWORD, new X509Certificate[] {identity.certificate()});
      KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keyStore, PASSWORD);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers.getKeyManagers(), new javax.net.ssl.TrustManager[] {trust}, null);
      return context;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A PKCS#12 key store with {@code identity}'s key and certificate, under {@code password}. */
  public static byte[] pkcs12(Identity identity, char[] password) {
    try {
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(null, null);
      keyStore.setKeyEntry("client", identity.keys().getPrivate(), password,
          new X509Certificate[] {identity.certificate()});
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      keyStore.store(out, password);
      return out.toByteArray();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String subject(Identity identity) {
    return identity.certificate().getSubjectX500Principal().getName();
  }

  /** {@code dn} in the JDK's encoding, so that the certificate's subject prints back as {@code dn}. */
  private static X500Name name(String dn) {
    return X500Name.getInstance(new javax.security.auth.x500.X500Principal(dn).getEncoded());
  }

  private static KeyPair keys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(256);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509Certificate sign(String subject, KeyPair subjectKeys, String issuer, KeyPair issuerKeys,
      boolean authority, boolean server) {
    try {
      Instant now = Instant.now();
      JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name(issuer),
          BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(now.minus(Duration.ofHours(1))),
          Date.from(now.plus(Duration.ofDays(1))), name(subject), subjectKeys.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
      if (authority) {
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      } else {
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      }
      if (server) {
        builder.addExtension(Extension.subjectAlternativeName, false,
            new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
      }
      return new JcaX509CertificateConverter().getCertificate(
          builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
