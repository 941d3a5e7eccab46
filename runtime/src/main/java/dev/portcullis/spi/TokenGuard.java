package dev.portcullis.spi;

import dev.portcullis.TokenPrincipal;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.IOException;

/**
 * The runtime's token work for a {@link ResourceFilter}: extracting the bearer token, verifying
 * it and answering RFC 6750 errors. One instance serves every request; it is thread-safe.
 */
public interface TokenGuard {
  /**
   * Extracts and verifies the request's access token and, when it is valid, installs a {@code
   * SecurityContext} whose principal is the returned {@link TokenPrincipal}.
   *
   * @return the verified token, or {@code null} when there is none or it is not valid; the
   *     request is then already aborted with 401 {@code invalid_token} (or a bare 401 challenge)
   *     or 400 {@code invalid_request}
   * @throws IOException when the request body cannot be read to look for a form-encoded token
   */
  TokenPrincipal authenticate(ContainerRequestContext request) throws IOException;

  /** Aborts the request with 403 {@code insufficient_scope}, naming the scopes {@code rule} lists. */
  void forbid(ContainerRequestContext request, AccessRule rule);

  /**
   * Applies the step-up authentication {@code rule} asks for (RFC 9470) to {@code token}, which
   * {@link #authenticate} returned: its {@code acr} claim must be one of {@link
   * AccessRule#acrValues()}, and its {@code auth_time} claim no older than {@link
   * AccessRule#maxAge()} plus the configured clock skew. A missing or malformed claim falls
   * short. Otherwise aborts the request with 401 {@code insufficient_user_authentication}, naming
   * {@code acr_values} and {@code max_age}. Does nothing when the rule asks for no step-up.
   */
  void requireUserAuthentication(ContainerRequestContext request, AccessRule rule, TokenPrincipal token);
}
