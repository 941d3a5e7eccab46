package dev.portcullis.internal.filters;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Protects a resource method that the Jakarta REST implementation may report on a supertype of
 * the class it serves. RESTEasy does so when {@code @Path} sits on an API interface or a base
 * class: its {@code ResourceInfo} names that type, so which generated filter applies is known
 * only from the resource instance a request matched ({@code UriInfo.getMatchedResources()},
 * which the implementation fills before it runs post-matching filters). A request to the
 * reported class itself gets the protection settled at startup; one to another class gets that
 * class's, settled on its first request with the checks startup does for a class it can see,
 * and kept.
 *
 * <p>Fails closed: a request without a matched instance of the reported type, or to a class
 * whose protection cannot be established (annotations without a generated filter, or a filter
 * that disagrees with them), is answered 403 like {@link RefusedMethod}, and the reason logged
 * once.
 */
final class ServedClassGuard implements ContainerRequestFilter {
  /** What the runtime knows how to build for one served class. */
  @FunctionalInterface
  interface Protection {
    /**
     * The filter for {@code method} served by {@code servedClass}, a subtype of {@code
     * reportedClass}, or {@code null} when it needs none.
     *
     * @throws IllegalStateException when the class's protection cannot be established
     */
    ContainerRequestFilter of(Class<?> servedClass, Class<?> reportedClass, Method method);
  }

  private static final System.Logger LOG = System.getLogger("dev.portcullis");
  private static final ContainerRequestFilter UNPROTECTED = request -> {};
  private static final ContainerRequestFilter REFUSED = new RefusedMethod();

  private final Class<?> reportedClass;
  private final Method method;
  private final ContainerRequestFilter reportedProtection;
  private final Protection protection;
  private final Map<Class<?>, ContainerRequestFilter> byServedClass = new ConcurrentHashMap<>();
  private final AtomicBoolean unmatchedLogged = new AtomicBoolean();

  /**
   * @param reportedProtection the protection of {@code method} when {@code reportedClass} itself
   *     is served, settled at startup ({@code null} when it needs none); unused for an interface
   *     or abstract class
   */
  ServedClassGuard(Class<?> reportedClass, Method method, ContainerRequestFilter reportedProtection,
      Protection protection) {
    this.reportedClass = reportedClass;
    this.method = method;
    this.reportedProtection = reportedProtection == null ? UNPROTECTED : reportedProtection;
    this.protection = protection;
  }

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    List<Object> matched = request.getUriInfo().getMatchedResources();
    Object served = matched.isEmpty() ? null : matched.get(0);
    if (served != null && served.getClass() == reportedClass) {
      reportedProtection.filter(request);
      return;
    }
    if (!reportedClass.isInstance(served)) {
      if (unmatchedLogged.compareAndSet(false, true)) {
        LOG.log(System.Logger.Level.ERROR, "Portcullis refuses every request to {0}: the Jakarta REST"
            + " implementation reports it on {1} but names no matched resource of that type, so the class that"
            + " serves it, and with it the generated filter that applies, is unknown.",
            DeclaredRules.describe(method), reportedClass.getName());
      }
      REFUSED.filter(request);
      return;
    }
    byServedClass.computeIfAbsent(served.getClass(), this::settle).filter(request);
  }

  private ContainerRequestFilter settle(Class<?> servedClass) {
    try {
      ContainerRequestFilter filter = protection.of(servedClass, reportedClass, method);
      return filter == null ? UNPROTECTED : filter;
    } catch (IllegalStateException e) {
      LOG.log(System.Logger.Level.ERROR, "Portcullis refuses every request to {0} served by {1}: {2}",
          DeclaredRules.describe(method), servedClass.getName(), e.getMessage());
      return REFUSED;
    }
  }
}
