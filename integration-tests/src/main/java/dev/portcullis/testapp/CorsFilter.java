package dev.portcullis.testapp;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * CORS for a browser application at one origin that calls the API with DPoP-bound tokens, as
 * docs/dpop.md shows it: answers preflight requests itself, before resource matching and so
 * before any token check, and decorates every answer, 401s included.
 */
// tag::cors[]
@Provider
@PreMatching  // before resource matching, so before every token check
public class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {
  public static final String ORIGIN = "https://app.example.com";

  @Override
  public void filter(ContainerRequestContext request) {
    if (isPreflight(request)) {
      request.abortWith(Response.noContent().build());  // no token on a preflight: answer it here
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!ORIGIN.equals(request.getHeaderString("Origin"))) {
      return;
    }
    MultivaluedMap<String, Object> headers = response.getHeaders();
    headers.putSingle("Access-Control-Allow-Origin", ORIGIN);
    headers.add("Vary", "Origin");
    // Without these the browser hides the challenge and the nonce from the client's code.
    headers.putSingle("Access-Control-Expose-Headers", "WWW-Authenticate, DPoP-Nonce");
    if (isPreflight(request)) {
      headers.putSingle("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE");
      // Authorization carries "DPoP <token>", DPoP carries the proof.
      headers.putSingle("Access-Control-Allow-Headers", "Authorization, DPoP, Content-Type");
      headers.putSingle("Access-Control-Max-Age", "600");
    }
  }

  private static boolean isPreflight(ContainerRequestContext request) {
    return HttpMethod.OPTIONS.equals(request.getMethod()) && request.getHeaderString("Origin") != null
        && request.getHeaderString("Access-Control-Request-Method") != null;
  }
}
// end::cors[]
