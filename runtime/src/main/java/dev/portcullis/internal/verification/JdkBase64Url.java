package dev.portcullis.internal.verification;

import com.nimbusds.jose.util.Base64URL;
import java.util.Base64;

/**
 * A {@link Base64URL} that decodes with the JDK's decoder. Nimbus' own codec is written to
 * run in constant time, which matters for secrets but not for a token's public header,
 * claims and signature, and it costs about as much as the RSA check itself on a 1.2 KB
 * token. The JDK decoder is also stricter: a character outside the base64url alphabet is an
 * {@link IllegalArgumentException}, which rejects the token, where Nimbus skips it.
 */
final class JdkBase64Url extends Base64URL {
  private static final long serialVersionUID = 1L;

  JdkBase64Url(String text) {
    super(text);
  }

  @Override
  public byte[] decode() {
    return Base64.getUrlDecoder().decode(toString());
  }
}
