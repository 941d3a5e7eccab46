package dev.portcullis.internal.filters;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The sub-resource locators of a resource class, found by reflection at startup: public methods
 * with {@code @Path} and no HTTP method designator, their JAX-RS annotations taken, as JAX-RS
 * takes them, from the method itself or else from the method it overrides.
 */
final class SubResourceLocators {
  private SubResourceLocators() {}

  /**
   * Whether JAX-RS may serve {@code type} as a root resource: {@code @Path} on the class, and,
   * as Jersey also looks, on a superclass or an interface one of them implements directly.
   */
  static boolean isRoot(Class<?> type) {
    for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
      if (current.isAnnotationPresent(Path.class)) {
        return true;
      }
      for (Class<?> implemented : current.getInterfaces()) {
        if (implemented.isAnnotationPresent(Path.class)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The concrete classes the locators of {@code resourceClass} declare they return. A locator
   * declaring an interface, an abstract class, {@code Object} or {@code Class} returns what it
   * decides per request: such results are checked when JAX-RS first meets their class.
   */
  static List<Class<?>> declaredTargets(Class<?> resourceClass) {
    List<Class<?>> targets = new ArrayList<>();
    for (Method method : resourceClass.getMethods()) {
      if (method.getDeclaringClass() == Object.class || method.isBridge()) {
        continue;
      }
      Method annotated = jaxRsAnnotated(resourceClass, method);
      if (annotated == null || !annotated.isAnnotationPresent(Path.class) || hasHttpMethod(annotated)) {
        continue;
      }
      Class<?> target = method.getReturnType();
      boolean dynamic = target.isInterface() || target.isPrimitive() || target.isArray()
          || Modifier.isAbstract(target.getModifiers()) || target == Object.class || target == Class.class;
      if (!dynamic && !targets.contains(target)) {
        targets.add(target);
      }
    }
    return targets;
  }

  /** The public resource methods of {@code type}: those with an HTTP method designator. */
  static List<Method> resourceMethods(Class<?> type) {
    List<Method> methods = new ArrayList<>();
    for (Method method : type.getMethods()) {
      if (method.getDeclaringClass() == Object.class || method.isBridge()) {
        continue;
      }
      Method annotated = jaxRsAnnotated(type, method);
      if (annotated != null && hasHttpMethod(annotated)) {
        methods.add(method);
      }
    }
    return methods;
  }

  /** The method whose JAX-RS annotations apply: {@code method}, or the one it overrides. */
  private static Method jaxRsAnnotated(Class<?> resourceClass, Method method) {
    for (Class<?> type : DeclaredRules.supertypes(resourceClass)) {
      Method candidate;
      try {
        candidate = type.getDeclaredMethod(method.getName(), method.getParameterTypes());
      } catch (NoSuchMethodException e) {
        continue;
      }
      if (hasJaxRsAnnotation(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static boolean hasJaxRsAnnotation(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      if (annotation.annotationType().getPackageName().equals("jakarta.ws.rs")
          || annotation.annotationType().isAnnotationPresent(HttpMethod.class)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasHttpMethod(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      if (annotation.annotationType().isAnnotationPresent(HttpMethod.class)) {
        return true;
      }
    }
    return false;
  }
}
