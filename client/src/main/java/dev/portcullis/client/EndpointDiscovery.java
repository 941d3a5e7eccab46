package dev.portcullis.client;

import dev.portcullis.internal.keys.IssuerMetadata;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * Finds the token, authorization, revocation and device authorization endpoints of an issuer in its metadata, which {@link
 * IssuerMetadata} fetches for the resource server's keys too, by the same rules: OpenID
 * Connect discovery first, then RFC 8414 (the well-known segment between host and path, then
 * appended), the document's {@code issuer} equal to the configured one, so metadata cannot
 * redirect tokens elsewhere, and no HTTP redirects followed.
 *
 * <p>The endpoints found must be absolute http(s) URLs, and https unless they are on this
 * machine or plain HTTP is allowed; anything else is a {@link ClientConfigurationException}
 * naming the metadata field, because no retry can fix it.
 */
final class EndpointDiscovery {
  private static final String RFC8414_SUFFIX = "/.well-known/oauth-authorization-server";

  private EndpointDiscovery() {}

  /**
   * The endpoints of one authorization server, and whether its authorization responses carry
   * the RFC 9207 {@code iss} parameter.
   */
  static final class Endpoints {
    final URI token;
    final URI authorization;
    final URI revocation;
    final URI deviceAuthorization;
    final boolean issuerInResponses;

    Endpoints(URI token, URI authorization, URI revocation, URI deviceAuthorization,
        boolean issuerInResponses) {
      this.token = token;
      this.authorization = authorization;
      this.revocation = revocation;
      this.deviceAuthorization = deviceAuthorization;
      this.issuerInResponses = issuerInResponses;
    }
  }

  static Endpoints discover(URI issuerUri, Duration connectTimeout, Duration readTimeout,
      boolean allowInsecureHttp) {
    return discover(issuerUri, connectTimeout, readTimeout, allowInsecureHttp, null);
  }

  /**
   * As {@link #discover(URI, Duration, Duration, boolean)}; with the client's TLS ({@code
   * mutualTls} not null) the metadata is fetched over it, so an issuer whose certificate comes
   * from a private authority of {@code tls-trusted-certificates} is reached, and the token,
   * revocation and device authorization endpoints of the metadata's {@code
   * mtls_endpoint_aliases} (RFC 8705 section 5) replace the plain ones they name.
   */
  static Endpoints discover(URI issuerUri, Duration connectTimeout, Duration readTimeout,
      boolean allowInsecureHttp, SSLContext mutualTls) {
    IssuerMetadata.Document metadata;
    try {
      metadata = new IssuerMetadata(issuerUri, connectTimeout, readTimeout, mutualTls).fetch();
    } catch (IOException e) {
      throw new TokenAcquisitionException("The metadata of issuer " + issuerUri + " could not be"
          + " loaded (" + e.getMessage() + "). Check that the issuer URL is exactly the"
          + " \"issuer\" the authorization server publishes, or configure the token endpoint.");
    }
    IssuerMetadata.Document aliases = mutualTls != null
        ? metadata.section("mtls_endpoint_aliases").orElse(null) : null;
    URI token = aliased(metadata, aliases, "token_endpoint");
    if (token == null) {
      throw new ClientConfigurationException("The metadata of issuer " + issuerUri + " has no"
          + " token_endpoint. Configure the token endpoint directly (token-endpoint).");
    }
    return new Endpoints(usable(issuerUri, "token_endpoint", token, allowInsecureHttp),
        usable(issuerUri, "authorization_endpoint", endpoint(metadata, "authorization_endpoint"),
            allowInsecureHttp),
        usable(issuerUri, "revocation_endpoint", aliased(metadata, aliases, "revocation_endpoint"),
            allowInsecureHttp),
        usable(issuerUri, "device_authorization_endpoint",
            aliased(metadata, aliases, "device_authorization_endpoint"), allowInsecureHttp),
        metadata.flag("authorization_response_iss_parameter_supported"));
  }

  /** The URL in {@code field} of {@code aliases} if it has one, else of {@code metadata}. */
  private static URI aliased(IssuerMetadata.Document metadata, IssuerMetadata.Document aliases,
      String field) {
    URI alias = aliases == null ? null : endpoint(aliases, field);
    return alias != null ? alias : endpoint(metadata, field);
  }

  /** The URL in {@code field}, null when absent; one that is not a URI is not usable. */
  private static URI endpoint(IssuerMetadata.Document metadata, String field) {
    try {
      return metadata.uri(field).orElse(null);
    } catch (IOException e) {
      throw notHttpUrl(metadata.issuer(), field, metadata.string(field).orElse("(not a string)"));
    }
  }

  private static ClientConfigurationException notHttpUrl(URI issuer, String field, Object value) {
    return new ClientConfigurationException("The metadata of issuer " + issuer + " gives the "
        + field + " \"" + value + "\", which is not an absolute http(s) URL, so this client"
        + " cannot use it. Correct the authorization server's metadata, or configure the"
        + " endpoint directly (" + configurationKey(field) + ").");
  }

  private static String configurationKey(String field) {
    return field.replace('_', '-');
  }

  /** {@code uri} if a client may send to it (or send a user's browser to it), else why not. */
  private static URI usable(URI issuer, String field, URI uri, boolean allowInsecureHttp) {
    if (uri == null) {
      return null;
    }
    if (!ClientConfiguration.isHttpUrl(uri)) {
      throw notHttpUrl(issuer, field, uri);
    }
    if (!InsecureTransport.permits(uri, allowInsecureHttp)) {
      throw new ClientConfigurationException(InsecureTransport.problem(uri, field + " in the"
          + " metadata of issuer " + issuer + ",", "allow plain HTTP with allow-insecure-http"));
    }
    return uri;
  }
}
