package dev.portcullis.internal;

import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link BindingFile} checked against its resource class at startup: every entry names a
 * method the class really has (found by name and parameter type names in the class, its
 * superclasses and interfaces), and requirements are indexed by name and erased parameter
 * types for the lookups Jersey makes once per resource method.
 */
final class ResolvedBinding {
  private record MethodKey(String name, List<Class<?>> parameterTypes) {}

  private final Class<?> resourceClass;
  private final String source;
  private final Map<MethodKey, ScopeRequirement> requirements = new HashMap<>();

  private ResolvedBinding(Class<?> resourceClass, BindingFile binding) {
    this.resourceClass = resourceClass;
    this.source = binding.source();
    for (BindingFile.BoundMethod bound : binding.methods()) {
      Method method = find(resourceClass, bound.name(), bound.parameterTypes());
      if (method == null) {
        throw new IllegalStateException("The generated binding " + source + " protects "
            + resourceClass.getName() + "." + bound.signature()
            + ", which the class does not have, so the class changed after the binding was generated;"
            + " rebuild the application with the Portcullis annotation processor (for example mvn clean verify).");
      }
      requirements.put(new MethodKey(method.getName(), List.of(method.getParameterTypes())), bound.requirement());
    }
  }

  /**
   * Checks {@code binding}, read for {@code resourceClass}, against the class.
   *
   * @throws IllegalStateException when the binding names a method the class does not have
   */
  static ResolvedBinding of(Class<?> resourceClass, BindingFile binding) {
    if (!binding.resourceClass().equals(resourceClass.getName())) {
      throw new IllegalArgumentException("The binding " + binding.source() + " protects " + binding.resourceClass()
          + ", not " + resourceClass.getName() + "; read the binding of the class itself.");
    }
    return new ResolvedBinding(resourceClass, binding);
  }

  /** Where the binding was read, for messages. */
  String source() {
    return source;
  }

  Class<?> resourceClass() {
    return resourceClass;
  }

  /**
   * The requirement for a resource method as JAX-RS reports it: the class's own method, or
   * the interface or superclass method that carries the JAX-RS annotations. Returns
   * {@code null} when the binding does not list the method.
   *
   * @throws IllegalStateException when more than one listed method could be meant
   */
  ScopeRequirement requirementFor(Method method) {
    List<Class<?>> parameters = Arrays.asList(method.getParameterTypes());
    ScopeRequirement exact = requirements.get(new MethodKey(method.getName(), parameters));
    if (exact != null) {
      return exact;
    }
    // A generic interface method (create(T)) is implemented by create(Order) in the class:
    // same name and arity, each bound parameter assignable to the reported one.
    List<ScopeRequirement> candidates = new ArrayList<>();
    for (Map.Entry<MethodKey, ScopeRequirement> entry : requirements.entrySet()) {
      MethodKey key = entry.getKey();
      if (key.name().equals(method.getName()) && key.parameterTypes().size() == parameters.size()
          && assignable(key.parameterTypes(), parameters)) {
        candidates.add(entry.getValue());
      }
    }
    if (candidates.size() > 1 && new HashSet<>(candidates).size() > 1) {
      throw new IllegalStateException("Portcullis cannot tell which rule of " + source + " applies to "
          + describe(method.getDeclaringClass(), method.getName(), parameters)
          + ", because several overloads match it with different requirements; give the overloads distinct names.");
    }
    return candidates.isEmpty() ? null : candidates.get(0);
  }

  private static boolean assignable(List<Class<?>> bound, List<Class<?>> reported) {
    for (int i = 0; i < bound.size(); i++) {
      if (!reported.get(i).isAssignableFrom(bound.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** The method {@code name(parameterTypes)} of {@code type} or a supertype, or {@code null}. */
  private static Method find(Class<?> type, String name, List<String> parameterTypes) {
    Deque<Class<?>> pending = new ArrayDeque<>();
    Set<Class<?>> seen = new HashSet<>();
    pending.add(type);
    while (!pending.isEmpty()) {
      Class<?> current = pending.poll();
      if (!seen.add(current)) {
        continue;
      }
      for (Method method : current.getDeclaredMethods()) {
        if (method.getName().equals(name) && hasParameterTypes(method, parameterTypes)) {
          return method;
        }
      }
      if (current.getSuperclass() != null) {
        pending.add(current.getSuperclass());
      }
      pending.addAll(List.of(current.getInterfaces()));
    }
    return null;
  }

  private static boolean hasParameterTypes(Method method, List<String> typeNames) {
    Class<?>[] types = method.getParameterTypes();
    if (types.length != typeNames.size()) {
      return false;
    }
    for (int i = 0; i < types.length; i++) {
      if (!types[i].getTypeName().equals(typeNames.get(i))) {
        return false;
      }
    }
    return true;
  }

  static String describe(Class<?> type, String name, List<Class<?>> parameters) {
    StringBuilder out = new StringBuilder(type.getName()).append('.').append(name).append('(');
    for (int i = 0; i < parameters.size(); i++) {
      out.append(i == 0 ? "" : ", ").append(parameters.get(i).getSimpleName());
    }
    return out.append(')').toString();
  }
}
