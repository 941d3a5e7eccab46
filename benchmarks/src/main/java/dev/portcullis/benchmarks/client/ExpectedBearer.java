package dev.portcullis.benchmarks.client;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Lets a request through only when its {@code Authorization} header is exactly {@code Bearer}
 * and the one token the benchmark's token endpoint issues; anything else is answered {@code
 * 401} with {@code error="invalid_token"}. A string comparison rather than a signature check,
 * so that the server costs both client paths the same small, fixed amount, while a path that
 * sends no token or the wrong one still fails instead of looking fast.
 */
@PreMatching
public final class ExpectedBearer implements ContainerRequestFilter {
  private final String expected;

  /** @param token the only access token to accept */
  public ExpectedBearer(String token) {
    this.expected = "Bearer " + token;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (!expected.equals(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
      request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
          .type(MediaType.TEXT_PLAIN_TYPE)
          .entity("The bearer token is missing or not the expected one.")
          .build());
    }
  }
}
