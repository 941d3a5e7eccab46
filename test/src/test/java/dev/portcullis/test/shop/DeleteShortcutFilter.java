package dev.portcullis.test.shop;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;

/**
 * A mistake the conformance check must catch: a hand-written filter, registered by the
 * application before Portcullis's, that answers every DELETE of an order itself, token or not.
 */
@Priority(Priorities.AUTHENTICATION - 100)
public final class DeleteShortcutFilter implements ContainerRequestFilter {
  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getMethod().equals("DELETE") && request.getUriInfo().getPath().startsWith("orders/")) {
      request.abortWith(Response.noContent().build());
    }
  }
}
