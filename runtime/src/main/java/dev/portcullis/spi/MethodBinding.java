package dev.portcullis.spi;

import java.util.List;
import java.util.Objects;

/**
 * The requirement of one resource method, named by its name and erased parameter types
 * so that it matches the method in the resource class whether the JAX-RS annotations sit
 * on the class or on an interface it implements.
 *
 * @param name the Java method name
 * @param parameterTypes the erased parameter types, in declaration order
 * @param requirement what a request to the method must present
 */
public record MethodBinding(String name, List<Class<?>> parameterTypes, ScopeRequirement requirement) {

  /** Checks the arguments and copies {@code parameterTypes}. */
  public MethodBinding {
    Objects.requireNonNull(name, "name");
    parameterTypes = List.copyOf(parameterTypes);
    Objects.requireNonNull(requirement, "requirement");
  }

  /** Shorthand used by generated code. */
  public static MethodBinding of(String name, ScopeRequirement requirement, Class<?>... parameterTypes) {
    return new MethodBinding(name, List.of(parameterTypes), requirement);
  }
}
