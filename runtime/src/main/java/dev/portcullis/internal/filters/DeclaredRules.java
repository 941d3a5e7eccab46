package dev.portcullis.internal.filters;

import dev.portcullis.Public;
import dev.portcullis.RequiresScope;
import dev.portcullis.RequiresToken;
import dev.portcullis.spi.AccessRule;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rule the Portcullis annotations visible at run time declare for a resource method, found
 * by reflection once at startup with the precedence the annotation processor applies, highest
 * first: the method's own annotation; the annotation of the nearest method it overrides; the
 * resource class's annotation; the annotation of the nearest supertype the method is a member
 * of. It is what every generated rule is compared with before the application serves.
 */
final class DeclaredRules {

  /**
   * A declared rule and where it was found.
   *
   * @param rule the rule, without any scope hierarchy
   * @param source the method or class carrying the annotation
   * @param conflicting another, different rule of the same precedence from an unrelated
   *     supertype, or {@code null}
   */
  record Declared(AccessRule rule, AnnotatedElement source, Declared conflicting) {
    String where() {
      return describe(source);
    }
  }

  private DeclaredRules() {}

  /**
   * The rule declared for {@code method}, a public method of {@code resourceClass} (declared
   * there or inherited), or empty when no annotation decides it.
   */
  static Optional<Declared> of(Class<?> resourceClass, Method method) {
    Method implementation = implementation(resourceClass, method);
    Declared own = on(implementation);
    if (own != null) {
      return Optional.of(own);
    }
    List<Class<?>> supertypes = supertypes(resourceClass);
    List<Declared> fromOverridden = new ArrayList<>();
    for (Class<?> type : supertypes) {
      if (type == implementation.getDeclaringClass()) {
        continue;
      }
      for (Method candidate : type.getDeclaredMethods()) {
        if (overrides(resourceClass, implementation, candidate)) {
          Declared declared = on(candidate);
          if (declared != null) {
            fromOverridden.add(declared);
          }
        }
      }
    }
    if (!fromOverridden.isEmpty()) {
      return Optional.of(nearest(fromOverridden));
    }
    Declared onClass = on(resourceClass);
    if (onClass != null) {
      return Optional.of(onClass);
    }
    List<Declared> fromSupertypes = new ArrayList<>();
    for (Class<?> type : supertypes) {
      if (type != resourceClass && isMemberOf(resourceClass, implementation, type)) {
        Declared declared = on(type);
        if (declared != null) {
          fromSupertypes.add(declared);
        }
      }
    }
    return fromSupertypes.isEmpty() ? Optional.empty() : Optional.of(nearest(fromSupertypes));
  }

  /** Whether any Portcullis annotation sits on the class, a supertype, or one of their methods. */
  static boolean anyInHierarchy(Class<?> type) {
    for (Class<?> current : supertypes(type)) {
      if (anyDeclaredOn(current)) {
        return true;
      }
    }
    return false;
  }

  /** Whether any Portcullis annotation sits on {@code type} itself or on a method it declares. */
  static boolean anyDeclaredOn(Class<?> type) {
    if (on(type) != null) {
      return true;
    }
    for (Method method : type.getDeclaredMethods()) {
      if (on(method) != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * The method that runs for {@code method}: a bridge javac added to a class is replaced by the
   * method of that class it calls, the one overriding the supertype method the bridge stands for.
   */
  private static Method implementation(Class<?> resourceClass, Method method) {
    if (!method.isBridge()) {
      return method;
    }
    Class<?> owner = method.getDeclaringClass();
    for (Class<?> type : supertypes(owner)) {
      for (Method bridged : type.getDeclaredMethods()) {
        if (type == owner || bridged.isBridge() || !bridged.getName().equals(method.getName())
            || !Arrays.equals(bridged.getParameterTypes(), method.getParameterTypes())) {
          continue;
        }
        for (Method candidate : owner.getDeclaredMethods()) {
          if (!candidate.isBridge() && overrides(resourceClass, candidate, bridged)) {
            return candidate;
          }
        }
      }
    }
    return method;
  }

  /**
   * Whether {@code method} overrides (or implements) {@code candidate} in {@code resourceClass}:
   * the same name and the same parameter types as members of the class ({@link ParameterTypes}),
   * so a generic {@code create(T)} is implemented by {@code create(Order)}, while an overload
   * {@code create(Integer)} or {@code find(SpecialKey)} beside {@code find(Key)} overrides nothing.
   */
  private static boolean overrides(Class<?> resourceClass, Method method, Method candidate) {
    if (candidate.equals(method) || candidate.isBridge() || candidate.isSynthetic()
        || !candidate.getName().equals(method.getName())
        || Modifier.isStatic(candidate.getModifiers()) || Modifier.isPrivate(candidate.getModifiers())) {
      return false;
    }
    return ParameterTypes.same(resourceClass, method, candidate);
  }

  /** Whether {@code type} declares or inherits {@code method}, or a method it overrides in {@code resourceClass}. */
  private static boolean isMemberOf(Class<?> resourceClass, Method method, Class<?> type) {
    if (method.getDeclaringClass().isAssignableFrom(type)) {
      return true;
    }
    for (Class<?> supertype : supertypes(type)) {
      for (Method candidate : supertype.getDeclaredMethods()) {
        if (overrides(resourceClass, method, candidate)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The candidate from the most specific type; another of the same rank that disagrees is kept. */
  private static Declared nearest(List<Declared> candidates) {
    List<Declared> mostSpecific = new ArrayList<>();
    for (Declared candidate : candidates) {
      Class<?> type = declaringType(candidate.source());
      boolean hidden = false;
      for (Declared other : candidates) {
        Class<?> otherType = declaringType(other.source());
        hidden |= otherType != type && type.isAssignableFrom(otherType);
      }
      if (!hidden) {
        mostSpecific.add(candidate);
      }
    }
    Declared chosen = mostSpecific.get(0);
    for (Declared other : mostSpecific) {
      if (!other.rule().declares(chosen.rule())) {
        return new Declared(chosen.rule(), chosen.source(), other);
      }
    }
    return chosen;
  }

  /** The class, then its superclasses and interfaces, breadth first, each once, without Object. */
  static List<Class<?>> supertypes(Class<?> start) {
    Set<Class<?>> seen = new LinkedHashSet<>();
    Deque<Class<?>> pending = new ArrayDeque<>();
    pending.add(start);
    while (!pending.isEmpty()) {
      Class<?> type = pending.poll();
      if (type == Object.class || !seen.add(type)) {
        continue;
      }
      if (type.getSuperclass() != null) {
        pending.add(type.getSuperclass());
      }
      pending.addAll(List.of(type.getInterfaces()));
    }
    return new ArrayList<>(seen);
  }

  /** The rule {@code element} declares itself, the strictest if it (wrongly) carries several. */
  private static Declared on(AnnotatedElement element) {
    RequiresScope scopes = element.getAnnotation(RequiresScope.class);
    if (scopes != null) {
      try {
        AccessRule rule = AccessRule.scopes(scopes.match(), List.of(scopes.value()));
        return new Declared(stepUp(rule, scopes.acr(), scopes.maxAge()).requiringDpop(scopes.dpop()), element, null);
      } catch (IllegalArgumentException e) {
        // Empty or repeated scopes: javac would have refused them; an altered class file did not.
        throw new IllegalStateException("The @RequiresScope on " + describe(element) + " lists no scope, the"
            + " same scope twice, or an acr value or maxAge the annotation processor refuses; rebuild the module"
            + " that contains " + describe(element) + ".", e);
      }
    }
    RequiresToken token = element.getAnnotation(RequiresToken.class);
    if (token != null) {
      try {
        return new Declared(stepUp(AccessRule.anyToken(), token.acr(), token.maxAge()).requiringDpop(token.dpop()), element, null);
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("The @RequiresToken on " + describe(element) + " has an acr value or maxAge"
            + " the annotation processor refuses; rebuild the module that contains " + describe(element) + ".", e);
      }
    }
    if (element.isAnnotationPresent(Public.class)) {
      return new Declared(AccessRule.publicAccess(), element, null);
    }
    return null;
  }

  /** {@code rule} with the step-up authentication an annotation asks for; -1 is no max age. */
  private static AccessRule stepUp(AccessRule rule, String[] acr, long maxAge) {
    AccessRule stepped = acr.length == 0 ? rule : rule.requiringAcr(acr);
    return maxAge == -1 ? stepped : stepped.requiringMaxAge(maxAge);
  }

  private static Class<?> declaringType(AnnotatedElement element) {
    return element instanceof Method method ? method.getDeclaringClass() : (Class<?>) element;
  }

  /** {@code com.example.OrdersApi.list(String)} or {@code com.example.OrdersApi}. */
  static String describe(AnnotatedElement element) {
    if (element instanceof Method method) {
      return describe(method.getDeclaringClass(), method.getName(), method.getParameterTypes());
    }
    return ((Class<?>) element).getName();
  }

  static String describe(Class<?> type, String name, Class<?>... parameterTypes) {
    StringBuilder out = new StringBuilder(type.getName()).append('.').append(name).append('(');
    for (int i = 0; i < parameterTypes.length; i++) {
      out.append(i == 0 ? "" : ", ").append(parameterTypes[i].getSimpleName());
    }
    return out.append(')').toString();
  }
}
