package dev.portcullis.internal;

import dev.portcullis.PortcullisConfig;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * This API's RFC 9728 Protected Resource Metadata: where clients get tokens for it and which
 * scopes it knows. The scopes are collected at startup from the generated filters, as the
 * protected methods are installed; the document itself is written per request because the
 * resource identifier defaults to the base URI the request was addressed to.
 */
public final class ProtectedResourceMetadata {
  /** The well-known path, relative to the application's base URI (RFC 9728 section 3). */
  static final String PATH = ".well-known/oauth-protected-resource";

  private final URI resource;
  private final List<String> authorizationServers;
  private final String resourceName;
  private final URI documentation;
  private final Set<String> scopes = new TreeSet<>();

  /** Describes the API configured by {@code config}. */
  public ProtectedResourceMetadata(PortcullisConfig config) {
    this.resource = config.resource().orElse(null);
    this.authorizationServers = config.issuer().map(issuer -> List.of(issuer.toString())).orElse(List.of());
    this.resourceName = config.resourceName().orElse(null);
    this.documentation = config.resourceDocumentation().orElse(null);
  }

  /** Adds scopes a protected method requires; called at startup. */
  synchronized void addScopes(Collection<String> required) {
    scopes.addAll(required);
  }

  /** The metadata URL to name in {@code resource_metadata}, for a request to {@code baseUri}. */
  String url(URI baseUri) {
    return withSlash(baseUri.toString()) + PATH;
  }

  /** The metadata document, as JSON, for a request to {@code baseUri}. */
  synchronized String json(URI baseUri) {
    String id = resource != null ? resource.toString() : withoutSlash(baseUri.toString());
    StringBuilder json = new StringBuilder("{\"resource\":").append(BearerChallenge.jsonString(id));
    if (!authorizationServers.isEmpty()) {
      json.append(",\"authorization_servers\":").append(array(authorizationServers));
    }
    json.append(",\"scopes_supported\":").append(array(scopes));
    json.append(",\"bearer_methods_supported\":[\"header\"]");
    if (resourceName != null) {
      json.append(",\"resource_name\":").append(BearerChallenge.jsonString(resourceName));
    }
    if (documentation != null) {
      json.append(",\"resource_documentation\":").append(BearerChallenge.jsonString(documentation.toString()));
    }
    return json.append('}').toString();
  }

  private static String array(Collection<String> values) {
    StringBuilder out = new StringBuilder("[");
    for (String value : values) {
      if (out.length() > 1) {
        out.append(',');
      }
      out.append(BearerChallenge.jsonString(value));
    }
    return out.append(']').toString();
  }

  private static String withSlash(String uri) {
    return uri.endsWith("/") ? uri : uri + "/";
  }

  private static String withoutSlash(String uri) {
    return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
  }
}
