package dev.portcullis.internal.keys;

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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * An issuer's metadata, for the resource server (its {@code jwks_uri}) and the clients (their
 * endpoints) alike. The locations tried, in order: OpenID Connect discovery ({@code
 * <issuer>/.well-known/openid-configuration}), RFC 8414 with the well-known segment between
 * host and path ({@code <origin>/.well-known/oauth-authorization-server<path>}, section 3.1),
 * then RFC 8414 appended to the issuer, which some servers use. The first document that is a
 * JSON object naming exactly the configured {@code issuer} (RFC 8414 section 3.3) is the
 * metadata, so a document served for another issuer cannot supply keys or endpoints.
 * Redirects are not followed, and a document is at most 512 KB.
 *
 * <p>What each side takes from the document, and how it checks the URLs, is up to it.
 */
public final class IssuerMetadata {
  private static final int MAX_DOCUMENT_BYTES = 512 * 1024;
  private static final String RFC8414_SUFFIX = "/.well-known/oauth-authorization-server";

  private final URI issuer;
  private final HttpClient client;
  private final Duration readTimeout;

  /** Metadata of {@code issuer}, fetched with these timeouts. */
  public IssuerMetadata(URI issuer, Duration connectTimeout, Duration readTimeout) {
    this(issuer, connectTimeout, readTimeout, null);
  }

  /**
   * Metadata of {@code issuer}, fetched with these timeouts over TLS made by {@code tls} (the
   * authorities it trusts, the certificate it presents), or the JDK's default when null.
   */
  public IssuerMetadata(URI issuer, Duration connectTimeout, Duration readTimeout, SSLContext tls) {
    this.issuer = issuer;
    this.readTimeout = readTimeout;
    HttpClient.Builder builder = HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER);
    if (tls != null) {
      builder.sslContext(tls);
    }
    this.client = builder.build();
  }

  /** The metadata URLs to try, in order. */
  public List<URI> candidates() {
    String text = issuer.toString();
    String base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    String path = issuer.getRawPath() == null ? "" : issuer.getRawPath().replaceAll("/+$", "");
    String origin = issuer.getScheme() + "://" + issuer.getRawAuthority();
    Set<URI> locations = new LinkedHashSet<>();
    locations.add(URI.create(base + "/.well-known/openid-configuration"));
    locations.add(URI.create(origin + RFC8414_SUFFIX + path));
    locations.add(URI.create(origin + path + RFC8414_SUFFIX));
    return List.copyOf(locations);
  }

  /**
   * The issuer's metadata document.
   *
   * @throws IOException saying, for each location, why it gave no metadata; never contains
   *     secrets (metadata is public)
   */
  public Document fetch() throws IOException {
    StringBuilder reasons = new StringBuilder();
    List<IOException> failures = new ArrayList<>();
    for (URI location : candidates()) {
      try {
        Map<String, Object> document = fetch(location);
        Object advertised = document.get("issuer");
        if (!issuer.toString().equals(advertised)) {
          throw new IOException("the metadata names the issuer " + printable(advertised)
              + ", not the configured issuer.");
        }
        return new Document(issuer, location, document);
      } catch (IOException e) {
        failures.add(e);
        reasons.append(reasons.length() == 0 ? " " : "; ").append(location).append(": ")
            .append(e.getMessage());
      }
    }
    IOException none = new IOException("No usable metadata for issuer " + issuer + ":" + reasons);
    failures.forEach(none::addSuppressed); // kept for what each failure was, such as an untrusted certificate
    throw none;
  }

  private Map<String, Object> fetch(URI location) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(location).timeout(readTimeout)
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
    return "\"" + (s.length() > 200 ? s.substring(0, 200) + "..." : s) + "\"";
  }

  /** One issuer's metadata document, as fetched from {@link #location()}. */
  public static final class Document {
    private final URI issuer;
    private final URI location;
    private final Map<String, Object> fields;

    Document(URI issuer, URI location, Map<String, Object> fields) {
      this.issuer = issuer;
      this.location = location;
      this.fields = fields;
    }

    /** The issuer, exactly as configured and as the document names it. */
    public URI issuer() {
      return issuer;
    }

    /** Where the document was found. */
    public URI location() {
      return location;
    }

    /** The string value of {@code field}; empty when it is absent or not a string. */
    public Optional<String> string(String field) {
      Object value = fields.get(field);
      return value instanceof String ? Optional.of((String) value) : Optional.empty();
    }

    /**
     * The URL in {@code field}; empty when absent.
     *
     * @throws IOException if the field is there but is not a string or not a URI
     */
    public Optional<URI> uri(String field) throws IOException {
      Object value = fields.get(field);
      if (value == null) {
        return Optional.empty();
      }
      if (!(value instanceof String)) {
        throw new IOException("the metadata's " + field + " is not a string.");
      }
      try {
        return Optional.of(new URI((String) value));
      } catch (URISyntaxException e) {
        throw new IOException("the metadata's " + field + " is not a URL.");
      }
    }

    /**
     * The JSON object in {@code field} read as a document of its own, with the same issuer and
     * location; empty when absent or not an object. For nested endpoint sets such as RFC 8705's
     * {@code mtls_endpoint_aliases}.
     */
    @SuppressWarnings("unchecked")
    public Optional<Document> section(String field) {
      return fields.get(field) instanceof Map<?, ?> section
          ? Optional.of(new Document(issuer, location, (Map<String, Object>) section)) : Optional.empty();
    }

    /** Whether the boolean {@code field} is {@code true}; absent means false. */
    public boolean flag(String field) {
      return Boolean.TRUE.equals(fields.get(field));
    }
  }
}
