package dev.portcullis.client;

import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * Finds the token and authorization endpoints of an issuer: OpenID Connect discovery first,
 * then RFC 8414 metadata. Nimbus checks that the document's {@code issuer} equals the
 * configured one, so a metadata document cannot redirect tokens to another server.
 */
final class EndpointDiscovery {
  private EndpointDiscovery() {}

  /** The endpoints of one authorization server. */
  static final class Endpoints {
    final URI token;
    final URI authorization;

    Endpoints(URI token, URI authorization) {
      this.token = token;
      this.authorization = authorization;
    }
  }

  static Endpoints discover(URI issuerUri, Duration connectTimeout, Duration readTimeout) {
    Issuer issuer = new Issuer(issuerUri);
    int connect = (int) connectTimeout.toMillis();
    int read = (int) readTimeout.toMillis();
    String oidcProblem;
    try {
      OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(issuer, connect, read);
      return endpoints(issuerUri, metadata.getTokenEndpointURI(),
          metadata.getAuthorizationEndpointURI());
    } catch (GeneralException | IOException e) {
      oidcProblem = describe(e);
    }
    try {
      AuthorizationServerMetadata metadata = AuthorizationServerMetadata.resolve(issuer, connect,
          read);
      return endpoints(issuerUri, metadata.getTokenEndpointURI(),
          metadata.getAuthorizationEndpointURI());
    } catch (GeneralException | IOException e) {
      throw new TokenAcquisitionException("The metadata of issuer " + issuerUri + " could not be"
          + " loaded: OpenID Connect discovery failed (" + oidcProblem + ") and RFC 8414"
          + " metadata failed (" + describe(e) + "). Check that the issuer URL is exactly the"
          + " \"issuer\" the authorization server publishes, or configure the token endpoint.",
          e);
    }
  }

  private static Endpoints endpoints(URI issuer, URI token, URI authorization) {
    if (token == null) {
      throw new TokenAcquisitionException("The metadata of issuer " + issuer + " has no"
          + " token_endpoint. Configure the token endpoint directly.");
    }
    return new Endpoints(token, authorization);
  }

  private static String describe(Exception e) {
    return e instanceof IOException ? "could not connect: " + e.getClass().getSimpleName()
        : e.getMessage();
  }
}
