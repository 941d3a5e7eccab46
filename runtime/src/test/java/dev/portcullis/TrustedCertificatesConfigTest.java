package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code tls-trusted-certificates} setting: its file is read when the configuration is
 * built, so that every mistake in it stops the application with a sentence naming the setting,
 * the file and the fix; and the introspection calls trust it unless they have authorities of
 * their own.
 */
class TrustedCertificatesConfigTest {
  /** A self-signed CA certificate; certificates are public. */
  private static final String CA = """
      -----BEGIN CERTIFICATE-----
      MIIBkjCCATegAwIBAgIUQb7a9a8XIi+pXpvWpkHZJQ1bN90wCgYIKoZIzj0EAwIw
      HTEbMBkGA1UEAwwSRXhhbXBsZSBQcml2YXRlIENBMCAXDTI2MTIwNTA3NDY0MVoY
      DzIxMjYxMTExMDc0NjQxWjAdMRswGQYDVQQDDBJFeGFtcGxlIFByaXZhdGUgQ0Ew
      WTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAARXqy+uiD8qEjvnEmAORyAcr5VMGYlP
      tYtnp0N2EfwvqupaZ2JdnZBXq4eaByVDcNwfuURFEQwI0fnOBCyNOh1Vo1MwUTAd
      BgNVHQ4EFgQUpNuV1T+6oQVoyWRSFRbxZlFwlIMwHwYDVR0jBBgwFoAUpNuV1T+6
      oQVoyWRSFRbxZlFwlIMwDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNJADBG
      AiEA2ajuXK0lv0ELr+F6UXrPnclSCItM09BwqRSFNpcsnI4CIQDTmD8MGUVYKufM
      TnN6d7rSIiWbw+hnZjGQ3iWx9zNhuA==
      -----END CERTIFICATE-----
      """;

  @TempDir
  Path files;
  private final Map<String, String> environment = new HashMap<>();

  private PortcullisConfig.Builder builder() {
    return PortcullisConfig.builder(name -> null, environment).issuer("https://idp.example.com").audience("orders-api");
  }

  private static String failure(PortcullisConfig.Builder builder) {
    return assertThrows(PortcullisConfigException.class, builder::build).getMessage();
  }

  @Test
  void aPemFileOfAuthoritiesMakesTheTlsOfTheIssuerCalls() throws Exception {
    Path ca = Files.writeString(files.resolve("ca.pem"), CA + CA);
    environment.put("PORTCULLIS_TLS_TRUSTED_CERTIFICATES", ca.toString());
    PortcullisConfig config = builder().build();
    assertNotNull(config.issuerTls());
    assertTrue(config.toString().contains("trustedCertificates=" + ca), config.toString());
    assertNull(PortcullisConfig.builder(name -> null, Map.of()).issuer("https://idp.example.com").audience("a")
        .build().issuerTls(), "without the setting the JDK's default TLS");
  }

  @Test
  void aMissingFileIsRefusedAtStartupWithTheSettingAndTheFix() {
    Path missing = files.resolve("no-such-ca.pem");
    assertEquals("The file " + missing + " in portcullis.tls-trusted-certificates could not be read"
        + " (NoSuchFileException); set portcullis.tls-trusted-certificates (environment"
        + " PORTCULLIS_TLS_TRUSTED_CERTIFICATES) to a PEM file of the certificates of the authorities to trust, and"
        + " check its path and permissions.", failure(builder().trustedCertificates(missing)));
    environment.put("PORTCULLIS_TLS_TRUSTED_CERTIFICATES", files.toString());
    assertTrue(failure(builder()).startsWith("The file " + files + " in portcullis.tls-trusted-certificates could not"
        + " be read"), "a directory is not a file");
  }

  @Test
  void aFileWithoutACertificateIsRefusedAtStartup() throws Exception {
    String noCertificate = " holds no certificate; put the certificates of the authorities to trust in it, each"
        + " between -----BEGIN CERTIFICATE----- and -----END CERTIFICATE-----.";
    Path empty = Files.writeString(files.resolve("empty.pem"), "\n");
    assertEquals("The file " + empty + " in portcullis.tls-trusted-certificates" + noCertificate,
        failure(builder().trustedCertificates(empty)));
    Path key = Files.writeString(files.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n"
        + "-----END PRIVATE KEY-----\n");
    assertEquals("The file " + key + " in portcullis.tls-trusted-certificates" + noCertificate,
        failure(builder().trustedCertificates(key)));
  }

  @Test
  void aFileThatIsNotPemIsRefusedAtStartup() throws Exception {
    String body = CA.replaceAll("-----[A-Z ]+-----|\\s", "");
    Path der = Files.write(files.resolve("ca.der"), Base64.getDecoder().decode(body));
    assertEquals("The file " + der + " in portcullis.tls-trusted-certificates is not a PEM file; convert it (a binary"
        + " DER certificate with openssl x509 -inform der -in ca.der -out ca.pem) or set"
        + " portcullis.tls-trusted-certificates (environment PORTCULLIS_TLS_TRUSTED_CERTIFICATES) to a file of the"
        + " authorities' certificates, each between -----BEGIN CERTIFICATE----- and -----END CERTIFICATE-----.",
        failure(builder().trustedCertificates(der)));
    Path truncated = Files.writeString(files.resolve("truncated.pem"), CA.substring(0, CA.length() / 2));
    String message = failure(builder().trustedCertificates(truncated));
    assertTrue(message.startsWith("The file " + truncated + " in portcullis.tls-trusted-certificates is not a PEM"
        + " file of certificates that can be read ("), message);
    assertTrue(message.endsWith("); give complete certificates, each between -----BEGIN CERTIFICATE----- and"
        + " -----END CERTIFICATE-----."), message);
  }

  @Test
  void introspectionTrustsTheseAuthoritiesUnlessItHasItsOwn() throws Exception {
    Path ca = Files.writeString(files.resolve("ca.pem"), CA);
    environment.put("PORTCULLIS_TLS_TRUSTED_CERTIFICATES", ca.toString());
    environment.put("PORTCULLIS_INTROSPECTION_CLIENT_ID", "orders-api");
    environment.put("PORTCULLIS_INTROSPECTION_CLIENT_SECRET", "orders-api-secret");
    PortcullisConfig global = builder().build();
    assertEquals(ca, global.introspectionSettings().tls().orElseThrow().trustedCertificates());
    assertTrue(!global.introspectionSettings().mutualTls(), "trusting authorities presents no certificate");

    Path own = files.resolve("introspection-ca.pem");
    environment.put("PORTCULLIS_INTROSPECTION_TLS_TRUSTED_CERTIFICATES", own.toString());
    assertEquals(own, builder().build().introspectionSettings().tls().orElseThrow().trustedCertificates());

    environment.remove("PORTCULLIS_INTROSPECTION_CLIENT_ID");
    environment.remove("PORTCULLIS_INTROSPECTION_CLIENT_SECRET");
    environment.remove("PORTCULLIS_INTROSPECTION_TLS_TRUSTED_CERTIFICATES");
    assertNull(builder().build().introspectionSettings(), "the setting alone does not turn introspection on");
  }
}
