package dev.portcullis.spi;

/**
 * Receives the rules of a {@link ResourceFilter} at startup, one call per resource method.
 *
 * <p>Failure semantics: {@link #bind} throws {@link IllegalStateException}, which stops the
 * application from starting, when the resource class has no public method with that name and
 * those parameter types (the class changed after the filter was generated) or when the rule
 * differs from the one the annotations declare.
 */
public interface MethodRules {
  /**
   * Binds the resource method {@code name(parameterTypes)} (declared by the resource class or
   * inherited, parameter types erased) to {@code rule}.
   */
  void bind(AccessRule rule, String name, Class<?>... parameterTypes);
}
