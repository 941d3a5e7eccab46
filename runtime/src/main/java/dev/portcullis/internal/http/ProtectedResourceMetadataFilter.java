package dev.portcullis.internal.http;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Answers {@code GET /.well-known/oauth-protected-resource} (RFC 9728) before resource
 * matching, so it works on every JAX-RS runtime without registering a resource class, and
 * is public: clients read it before they have a token. Nothing in it depends on the request,
 * so it may be cached for five minutes by anyone. {@code OPTIONS} is answered {@code 204} with
 * {@code Allow}, so that a CORS preflight succeeds; other methods {@code 405}.
 */
@PreMatching
public final class ProtectedResourceMetadataFilter implements ContainerRequestFilter {
  private static final String ALLOW = "GET, HEAD, OPTIONS";

  private final ProtectedResourceMetadata metadata;

  /** Serves {@code metadata}. */
  public ProtectedResourceMetadataFilter(ProtectedResourceMetadata metadata) {
    this.metadata = metadata;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath(false);
    if (!path.equals(ProtectedResourceMetadata.PATH) && !path.equals("/" + ProtectedResourceMetadata.PATH)) {
      return;
    }
    String method = request.getMethod();
    if (method.equals(HttpMethod.OPTIONS)) {
      // Also a browser's CORS preflight: a 405 would fail it, whatever a CORS filter adds.
      request.abortWith(Response.noContent().header(HttpHeaders.ALLOW, ALLOW).build());
      return;
    }
    if (!method.equals(HttpMethod.GET) && !method.equals(HttpMethod.HEAD)) {
      request.abortWith(Response.status(Response.Status.METHOD_NOT_ALLOWED).header(HttpHeaders.ALLOW, ALLOW).build());
      return;
    }
    request.abortWith(Response.ok(metadata.json(), MediaType.APPLICATION_JSON_TYPE)
        .header(HttpHeaders.CACHE_CONTROL, "max-age=300")
        .build());
  }
}
