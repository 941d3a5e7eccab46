package dev.portcullis.internal.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Notices an {@code access_token} parameter in a form-encoded body (RFC 6750 section 2.2),
 * which Portcullis does not accept. Reads at most the first {@value #PEEK_BYTES} bytes and
 * puts them back, so the resource method still sees the whole body; a parameter beyond
 * that point is not detected, and is never used as a credential either.
 */
final class FormBodyCredentials {
  static final int PEEK_BYTES = 16 * 1024;

  private FormBodyCredentials() {}

  static boolean hasAccessToken(ContainerRequestContext request) throws IOException {
    MediaType type = request.getMediaType();
    if (type == null || !type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE) || !request.hasEntity()) {
      return false;
    }
    InputStream body = request.getEntityStream();
    byte[] prefix = body.readNBytes(PEEK_BYTES);
    request.setEntityStream(new SequenceInputStream(new ByteArrayInputStream(prefix), body));
    String form = new String(prefix, StandardCharsets.ISO_8859_1);
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      try {
        if (URLDecoder.decode(name, StandardCharsets.UTF_8).equals("access_token")) {
          return true;
        }
      } catch (IllegalArgumentException e) {
        // A malformed name is not the access_token parameter; the resource decides about it.
      }
    }
    return false;
  }
}
