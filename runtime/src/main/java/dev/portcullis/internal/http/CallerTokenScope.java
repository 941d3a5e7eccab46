package dev.portcullis.internal.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;

/**
 * Bounds {@link CallerToken} to one request: forgets whatever the thread held when a request
 * starts, before anything else Portcullis does, and again when the response is filtered. The
 * first alone guarantees that no request sees another's token, also after an asynchronous
 * response was sent from another thread; the second that an idle pooled thread holds none.
 */
@PreMatching
public final class CallerTokenScope implements ContainerRequestFilter, ContainerResponseFilter {
  @Override
  public void filter(ContainerRequestContext request) {
    CallerToken.clear();
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    CallerToken.clear();
  }
}
