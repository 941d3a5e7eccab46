package dev.portcullis.spi;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.IOException;
import java.util.List;

/**
 * The token-validation filter the annotation processor generates for one resource class: a
 * final class beside it named {@code <Resource>_PortcullisFilter} ({@code Outer_Inner_PortcullisFilter}
 * for a nested class), which holds each resource method's {@link AccessRule} as a constant.
 *
 * <p>At startup the runtime finds the class by that name, creates it with its public no-argument
 * constructor, asks it to {@link #bind} its rules, compares every rule with the Portcullis
 * annotations it can see on the resource class and its supertypes, and refuses to start on any
 * difference. Per request to a method that needs a token it calls {@link #filter}.
 *
 * <p>Application code does not implement or call this interface; it changes only together with
 * the processor.
 */
public interface ResourceFilter {
  /** What the generated class name adds to the resource class's (nested) simple names. */
  String SUFFIX = "_PortcullisFilter";

  /** The resource class this filter was generated for. */
  Class<?> resourceClass();

  /**
   * Names every resource method that has a Portcullis rule, with its rule. Called once, at
   * startup.
   */
  void bind(MethodRules rules);

  /**
   * The {@code @ScopeCatalogue} interfaces whose scope hierarchy widened the rules ({@link
   * AccessRule#impliedBy}); the runtime computes the hierarchy from them again at startup and
   * refuses to start if it changed. Empty when no rule is widened.
   */
  default List<Class<?>> catalogues() {
    return List.of();
  }

  /**
   * Guards one request to a resource method whose rule is {@code rule}, never {@link
   * AccessRule.Kind#PUBLIC}: asks {@code guard} to authenticate the request, then applies the
   * rule. Either lets the request pass or leaves it aborted with an RFC 6750 answer.
   *
   * @throws IOException when the request cannot be read; the runtime then answers 401
   */
  void filter(ContainerRequestContext request, AccessRule rule, TokenGuard guard) throws IOException;

  /**
   * The binary name of the filter generated for {@code resourceClass}: {@code
   * com.example.OrdersResource_PortcullisFilter}, {@code com.example.Outer_Inner_PortcullisFilter}.
   */
  static String filterName(Class<?> resourceClass) {
    StringBuilder simpleNames = new StringBuilder(resourceClass.getSimpleName());
    for (Class<?> outer = resourceClass.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
      simpleNames.insert(0, outer.getSimpleName() + "_");
    }
    String packageName = resourceClass.getPackageName();
    return (packageName.isEmpty() ? "" : packageName + ".") + simpleNames + SUFFIX;
  }
}
