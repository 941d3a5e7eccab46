package dev.portcullis.internal.http;

import dev.portcullis.Dpop;
import dev.portcullis.PortcullisConfig;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * This API's RFC 9728 Protected Resource Metadata: where clients get tokens for it and which
 * scopes it knows. The scopes are collected from the generated filters as the protected
 * methods are installed. The resource identifier, and the metadata URL named in challenges,
 * come from configuration only: the URL a request was addressed to is built from its {@code
 * Host} header, which the client chooses, and these answers may be cached for everyone.
 */
public final class ProtectedResourceMetadata {
  /** The well-known path, relative to the application's base URI (RFC 9728 section 3). */
  static final String PATH = ".well-known/oauth-protected-resource";

  private final String resource;
  private final String url;
  private final List<String> authorizationServers;
  private final String resourceName;
  private final URI documentation;
  private final Set<String> scopes = new TreeSet<>();
  private final PortcullisConfig.DpopPolicy dpop;
  private final Set<String> algorithms;
  private final boolean certificateBoundTokens;
  private boolean endpointAcceptsDpop;

  /**
   * Describes the API configured by {@code config}.
   *
   * @throws IllegalArgumentException when {@code config} has no resource identifier
   */
  public ProtectedResourceMetadata(PortcullisConfig config) {
    URI configured = config.resource().orElseThrow(() -> new IllegalArgumentException(
        "RFC 9728 metadata needs a configured resource identifier."));
    this.resource = configured.toString();
    this.url = withSlash(resource) + PATH;
    this.authorizationServers = config.trustedIssuers().stream()
        .flatMap(trusted -> trusted.issuer().stream())
        .map(Object::toString)
        .toList();
    this.resourceName = config.resourceName().orElse(null);
    this.documentation = config.resourceDocumentation().orElse(null);
    this.dpop = config.dpop();
    this.algorithms = config.algorithms();
    this.certificateBoundTokens = config.certificateBoundTokens() != PortcullisConfig.CertificateBoundTokens.OFF;
  }

  /** Adds scopes a protected method requires; called at startup. */
  public synchronized void addScopes(Collection<String> required) {
    scopes.addAll(required);
  }

  /**
   * Notes what a protected method asks of DPoP; called at startup. An endpoint that accepts DPoP
   * where the API-wide policy is off makes the metadata list the proof algorithms.
   */
  public synchronized void addDpop(Dpop endpoint) {
    endpointAcceptsDpop |= endpoint != Dpop.AS_CONFIGURED;
  }

  /** The metadata URL to name in {@code resource_metadata}. */
  String url() {
    return url;
  }

  /** The metadata document, as JSON. */
  synchronized String json() {
    StringBuilder json = new StringBuilder("{\"resource\":").append(BearerChallenge.jsonString(resource));
    if (!authorizationServers.isEmpty()) {
      json.append(",\"authorization_servers\":").append(array(authorizationServers));
    }
    json.append(",\"scopes_supported\":").append(array(scopes));
    json.append(",\"bearer_methods_supported\":[\"header\"]");
    if (dpop != PortcullisConfig.DpopPolicy.OFF || endpointAcceptsDpop) {
      json.append(",\"dpop_signing_alg_values_supported\":").append(array(algorithms));
      json.append(",\"dpop_bound_access_tokens_required\":").append(dpop == PortcullisConfig.DpopPolicy.REQUIRED);
    }
    if (certificateBoundTokens) {
      json.append(",\"tls_client_certificate_bound_access_tokens\":true");
    }
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
}
