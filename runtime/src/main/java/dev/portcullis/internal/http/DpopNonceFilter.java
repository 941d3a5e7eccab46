package dev.portcullis.internal.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * Sends the current server nonce in {@code DPoP-Nonce} (RFC 9449 section 9) on the answer to a
 * request whose DPoP proof was accepted, so that the client has the next nonce before the one
 * it used expires. Registered only when nonces are required.
 */
public final class DpopNonceFilter implements ContainerResponseFilter {
  /** The request property {@link RequestGuard} leaves the nonce to send in. */
  static final String NONCE = "dev.portcullis.dpop-nonce";

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(NONCE) instanceof String nonce) {
      response.getHeaders().putSingle("DPoP-Nonce", nonce);
    }
  }
}
