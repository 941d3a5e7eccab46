package dev.portcullis.internal.filters;

import dev.portcullis.internal.http.RequestGuard;
import dev.portcullis.spi.AccessRule;
import dev.portcullis.spi.ResourceFilter;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.io.IOException;

/**
 * The request filter JAX-RS runs for one protected resource method: hands each request to the
 * generated filter of the method's class with the method's rule, fixed at startup.
 *
 * <p>Fails closed: any exception from the generated filter or the token work, and a linkage
 * error from a filter compiled against another runtime version, abort with 401 {@code
 * invalid_token}, never 500 and never a pass.
 */
final class GuardedMethod implements ContainerRequestFilter {
  private final ResourceFilter generated;
  private final AccessRule rule;
  private final RequestGuard guard;

  GuardedMethod(ResourceFilter generated, AccessRule rule, RequestGuard guard) {
    this.generated = generated;
    this.rule = rule;
    this.guard = guard;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    try {
      generated.filter(request, rule, guard);
    } catch (IOException | RuntimeException | LinkageError e) {
      guard.failClosed(request, e);
    }
  }
}
