package dev.portcullis.internal;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Finds an issuer's JWKS URL from its metadata: first OpenID Connect discovery ({@code
 * <issuer>/.well-known/openid-configuration}), then RFC 8414 ({@code
 * <origin>/.well-known/oauth-authorization-server<path>}). The metadata's {@code issuer}
 * must equal the configured issuer exactly (RFC 8414 section 3.3), so a document served
 * for another issuer cannot supply the keys.
 */
final class IssuerMetadata {
  private static final int MAX_DOCUMENT_BYTES = 512 * 1024;

  private final URI issuer;
  private final HttpClient client;
  private final Duration timeout;
  private final boolean allowInsecureHttp;

  IssuerMetadata(URI issuer, Duration timeout, boolean allowInsecureHttp) {
    this.issuer = issuer;
    this.timeout = timeout;
    this.allowInsecureHttp = allowInsecureHttp;
    this.client = HttpClient.newBuilder()
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** The metadata URLs to try, in order. */
  List<URI> candidates() {
    String text = issuer.toString();
    String base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    String path = issuer.getRawPath() == null ? "" : issuer.getRawPath();
    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    String origin = base.substring(0, base.length() - path.length());
    return List.of(
        URI.create(base + "/.well-known/openid-configuration"),
        URI.create(origin + "/.well-known/oauth-authorization-server" + path));
  }

  /**
   * Fetches the metadata and returns its {@code jwks_uri}.
   *
   * @throws IOException with a sentence saying why each location failed; never contains
   *     secrets (metadata is public)
   */
  URI jwksUri() throws IOException {
    StringBuilder reasons = new StringBuilder();
    for (URI location : candidates()) {
      try {
        return jwksUriFrom(location);
      } catch (IOException e) {
        reasons.append(' ').append(location).append(": ").append(e.getMessage());
      }
    }
    throw new IOException("No usable metadata for issuer " + issuer + ";" + reasons);
  }

  private URI jwksUriFrom(URI location) throws IOException {
    Map<String, Object> document = fetch(location);
    Object advertised = document.get("issuer");
    if (!issuer.toString().equals(advertised)) {
      throw new IOException("the metadata names issuer " + printable(advertised)
          + ", not the configured issuer.");
    }
    Object jwks = document.get("jwks_uri");
    if (!(jwks instanceof String)) {
      throw new IOException("the metadata has no jwks_uri.");
    }
    URI jwksUri;
    try {
      jwksUri = new URI((String) jwks);
    } catch (URISyntaxException e) {
      throw new IOException("the metadata's jwks_uri is not a URL.");
    }
    if (!UrlPolicy.isAllowed(jwksUri, allowInsecureHttp)) {
      throw new IOException("the metadata's jwks_uri " + jwksUri
          + " is not https (plain http is allowed only for loopback hosts unless portcullis.allow-insecure-http=true).");
    }
    return jwksUri;
  }

  private Map<String, Object> fetch(URI location) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(location).timeout(timeout)
        .header("Accept", "application/json").GET().build();
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted.", e);
    } catch (IOException e) {
      throw new IOException(e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")") + ".", e);
    }
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new IOException("HTTP status " + response.statusCode() + ".");
      }
      byte[] bytes = body.readNBytes(MAX_DOCUMENT_BYTES + 1);
      if (bytes.length > MAX_DOCUMENT_BYTES) {
        throw new IOException("the metadata document is larger than " + MAX_DOCUMENT_BYTES + " bytes.");
      }
      return JSONObjectUtils.parse(new String(bytes, StandardCharsets.UTF_8));
    } catch (ParseException e) {
      throw new IOException("the metadata is not a JSON object.");
    }
  }

  private static String printable(Object value) {
    if (!(value instanceof String)) {
      return "(none)";
    }
    String s = (String) value;
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }
}
