package dev.portcullis.client;

import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the token and authorization endpoints of an issuer: OpenID Connect discovery first
 * ({@code <issuer>/.well-known/openid-configuration}), then RFC 8414 metadata. The document's
 * {@code issuer} must equal the configured one, so metadata cannot redirect tokens elsewhere.
 *
 * <p>RFC 8414 metadata is fetched here rather than with Nimbus's {@code
 * AuthorizationServerMetadata.resolve}, which only appends the well-known suffix to the issuer;
 * RFC 8414 section 3.1 inserts it between host and path ({@code
 * https://as.example/.well-known/oauth-authorization-server/tenant}). The appended form is
 * still tried last for servers that use it.
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
    final boolean issuerInResponses;

    Endpoints(URI token, URI authorization, boolean issuerInResponses) {
      this.token = token;
      this.authorization = authorization;
      this.issuerInResponses = issuerInResponses;
    }
  }

  static Endpoints discover(URI issuerUri, Duration connectTimeout, Duration readTimeout,
      boolean allowInsecureHttp) {
    int connect = (int) connectTimeout.toMillis();
    int read = (int) readTimeout.toMillis();
    List<String> problems = new ArrayList<>();
    try {
      OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(new Issuer(issuerUri),
          connect, read);
      return endpoints(issuerUri, metadata, allowInsecureHttp);
    } catch (GeneralException | IOException e) {
      problems.add("OpenID Connect discovery: " + describe(e));
    }
    for (URI location : rfc8414Locations(issuerUri)) {
      try {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, location);
        request.setConnectTimeout(connect);
        request.setReadTimeout(read);
        HTTPResponse response = request.send();
        if (response.getStatusCode() != 200) {
          problems.add(location + " answered HTTP " + response.getStatusCode());
          continue;
        }
        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.parse(
            JSONObjectUtils.parse(response.getBody()));
        if (!issuerUri.toString().equals(metadata.getIssuer().getValue())) {
          problems.add(location + " names the issuer \"" + metadata.getIssuer().getValue()
              + "\"");
          continue;
        }
        return endpoints(issuerUri, metadata, allowInsecureHttp);
      } catch (IOException | ParseException e) {
        problems.add(location + ": " + describe(e));
      }
    }
    throw new TokenAcquisitionException("The metadata of issuer " + issuerUri + " could not be"
        + " loaded (" + String.join("; ", problems) + "). Check that the issuer URL is exactly"
        + " the \"issuer\" the authorization server publishes, or configure the token endpoint.");
  }

  static Set<URI> rfc8414Locations(URI issuer) {
    String path = issuer.getRawPath() == null ? "" : issuer.getRawPath().replaceAll("/+$", "");
    URI origin = URI.create(issuer.getScheme() + "://" + issuer.getRawAuthority());
    Set<URI> locations = new LinkedHashSet<>();
    locations.add(URI.create(origin + RFC8414_SUFFIX + path));
    locations.add(URI.create(origin + path + RFC8414_SUFFIX));
    return locations;
  }

  private static Endpoints endpoints(URI issuer, AuthorizationServerMetadata metadata,
      boolean allowInsecureHttp) {
    URI token = metadata.getTokenEndpointURI();
    if (token == null) {
      throw new ClientConfigurationException("The metadata of issuer " + issuer + " has no"
          + " token_endpoint. Configure the token endpoint directly (token-endpoint).");
    }
    return new Endpoints(usable(issuer, "token_endpoint", token, allowInsecureHttp),
        usable(issuer, "authorization_endpoint", metadata.getAuthorizationEndpointURI(),
            allowInsecureHttp), metadata.supportsAuthorizationResponseIssuerParam());
  }

  /** {@code uri} if a client may send to it (or send a user's browser to it), else why not. */
  private static URI usable(URI issuer, String field, URI uri, boolean allowInsecureHttp) {
    if (uri == null) {
      return null;
    }
    String configure = field.equals("token_endpoint") ? "token-endpoint"
        : "authorization-endpoint";
    if (!ClientConfiguration.isHttpUrl(uri)) {
      throw new ClientConfigurationException("The metadata of issuer " + issuer + " gives the "
          + field + " \"" + uri + "\", which is not an absolute http(s) URL, so this client"
          + " cannot use it. Correct the authorization server's metadata, or configure the"
          + " endpoint directly (" + configure + ").");
    }
    if (!InsecureTransport.permits(uri, allowInsecureHttp)) {
      throw new ClientConfigurationException(InsecureTransport.problem(uri, field + " in the"
          + " metadata of issuer " + issuer + ",", "allow plain HTTP with allow-insecure-http"));
    }
    return uri;
  }

  private static String describe(Exception e) {
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
