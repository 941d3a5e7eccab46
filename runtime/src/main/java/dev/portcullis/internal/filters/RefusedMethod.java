package dev.portcullis.internal.filters;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Answers every request to a sub-resource method whose protection could not be established
 * (its class carries Portcullis annotations but no matching generated filter) with 403: fail
 * closed, without a 500. The reason was logged once, when JAX-RS met the method.
 */
final class RefusedMethod implements ContainerRequestFilter {
  private static final String BODY = "{\"error_description\":\"This endpoint is refused because its protection"
      + " could not be established; the server log says why.\"}";

  @Override
  public void filter(ContainerRequestContext request) {
    request.abortWith(Response.status(Response.Status.FORBIDDEN)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(BODY)
        .build());
  }
}
