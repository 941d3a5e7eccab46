package dev.portcullis.sample;

import dev.portcullis.Public;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /.well-known/oauth-protected-resource}: RFC 9728 metadata telling clients
 * which authorization server to ask for tokens and which scopes this API knows.
 */
@Path("/.well-known/oauth-protected-resource")
@Public
public final class ProtectedResourceMetadataResource {

  /** The application property that holds the issuer URL to advertise. */
  static final String ISSUER_PROPERTY = "portcullis.sample.issuer";

  /** The metadata document; {@code resource} is the URL this server was reached at. */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> metadata(@Context UriInfo uriInfo, @Context Configuration configuration) {
    String base = uriInfo.getBaseUri().toString();
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("resource", base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    metadata.put("authorization_servers", List.of(String.valueOf(configuration.getProperty(ISSUER_PROPERTY))));
    metadata.put("scopes_supported", List.of("orders:read", "orders:write", "orders:admin"));
    metadata.put("bearer_methods_supported", List.of("header"));
    metadata.put("resource_name", "Portcullis sample Orders API");
    return metadata;
  }
}
