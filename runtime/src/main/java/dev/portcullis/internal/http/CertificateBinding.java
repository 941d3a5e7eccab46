package dev.portcullis.internal.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/**
 * Checks certificate-bound access tokens (RFC 8705 section 3): a token with {@code cnf.x5t#S256}
 * is accepted only on a request whose TLS client certificate has that SHA-256 thumbprint.
 *
 * <p>The certificate comes from the container: the request property {@value
 * #CERTIFICATE_ATTRIBUTE}, which servlet containers (RESTEasy on Undertow, Jersey on a servlet
 * container) and Jersey on Grizzly fill from the TLS session. Behind a proxy that ends TLS, it
 * comes from one header the proxy sets, only when that header is configured; the container's
 * certificate is then not used, since it would be the proxy's own. A header that is not a
 * certificate is the request's problem (401), never a 500.
 */
public final class CertificateBinding {
  /** Where servlet containers, and Jersey on Grizzly, give the TLS client's certificate chain. */
  static final String CERTIFICATE_ATTRIBUTE = "jakarta.servlet.request.X509Certificate";

  private final boolean required;
  private final String trustedHeader;

  /**
   * @param required whether every token must be certificate-bound
   * @param trustedHeader the header a TLS-terminating proxy puts the client's certificate in, as
   *     URL-encoded PEM, or {@code null} to read the certificate from the container only
   */
  public CertificateBinding(boolean required, String trustedHeader) {
    this.required = required;
    this.trustedHeader = trustedHeader;
  }

  /**
   * Why a token bound to {@code thumbprint} ({@code null}: not bound) may not be used on {@code
   * request}, as an RFC 6750 {@code error_description}; {@code null} when it may.
   */
  String refusal(ContainerRequestContext request, String thumbprint) {
    if (thumbprint == null) {
      return required ? ONLY_BOUND : null;
    }
    X509Certificate certificate;
    try {
      certificate = clientCertificate(request);
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    if (certificate == null) {
      return NO_CERTIFICATE;
    }
    String actual;
    try {
      actual = thumbprint(certificate);
    } catch (GeneralSecurityException e) {
      return OTHER_CERTIFICATE;
    }
    return MessageDigest.isEqual(actual.getBytes(StandardCharsets.US_ASCII),
        thumbprint.getBytes(StandardCharsets.US_ASCII)) ? null : OTHER_CERTIFICATE;
  }

  /** The base64url SHA-256 of the certificate's DER encoding, as in {@code x5t#S256}. */
  static String thumbprint(X509Certificate certificate) throws GeneralSecurityException {
    try {
      return Base64.getUrlEncoder().withoutPadding()
          .encodeToString(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("This Java runtime has no SHA-256.", e);
    }
  }

  /**
   * The request's client certificate, or {@code null} when it came without one.
   *
   * @throws IllegalArgumentException with a description for the client when the trusted header
   *     does not hold one certificate
   */
  private X509Certificate clientCertificate(ContainerRequestContext request) {
    if (trustedHeader != null) {
      List<String> values = request.getHeaders().get(trustedHeader);
      if (values == null || values.isEmpty() || values.size() == 1 && values.get(0).isBlank()) {
        return null;
      }
      if (values.size() > 1) {
        throw new IllegalArgumentException("The request has " + values.size() + " " + trustedHeader
            + " headers; the proxy in front of this API must send the client certificate in exactly one.");
      }
      return fromHeader(values.get(0).strip());
    }
    Object chain = request.getProperty(CERTIFICATE_ATTRIBUTE);
    return chain instanceof X509Certificate[] certificates && certificates.length > 0 ? certificates[0] : null;
  }

  private X509Certificate fromHeader(String value) {
    try {
      Certificate certificate = CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(percentDecoded(value)));
      if (certificate instanceof X509Certificate x509) {
        return x509;
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      // answered below
    }
    throw new IllegalArgumentException("The " + trustedHeader + " header does not hold a URL-encoded PEM client"
        + " certificate; the proxy in front of this API must put the client's certificate there, as nginx's"
        + " $ssl_client_escaped_cert does.");
  }

  /** {@code value} with its {@code %XX} escapes decoded; a {@code +} stays a {@code +} (base64). */
  private static byte[] percentDecoded(String value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '%') {
        if (i + 2 >= value.length()) {
          throw new IllegalArgumentException("truncated escape");
        }
        int high = Character.digit(value.charAt(i + 1), 16);
        int low = Character.digit(value.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          throw new IllegalArgumentException("bad escape");
        }
        out.write(high * 16 + low);
        i += 2;
      } else if (c > 0x7e) {
        throw new IllegalArgumentException("not ASCII");
      } else {
        out.write(c);
      }
    }
    return out.toByteArray();
  }

  private static final String ONLY_BOUND = "This API accepts only access tokens bound to a client certificate"
      + " (RFC 8705, cnf.x5t#S256); get a token bound to the certificate you connect with.";
  private static final String NO_CERTIFICATE = "The token is bound to a client certificate (cnf.x5t#S256), and the"
      + " request came without one; send it over a TLS connection made with that certificate.";
  private static final String OTHER_CERTIFICATE = "The token is bound to another client certificate than the one"
      + " the request came with (cnf.x5t#S256); connect with the certificate the token was issued for.";
  /** For a bound token where certificate-bound tokens are off. */
  static final String BOUND_BUT_OFF = "The token is bound to a client certificate (cnf.x5t#S256), and this API"
      + " does not accept certificate-bound tokens; get a token that is not bound for it.";
}
