package dev.portcullis.internal;

import dev.portcullis.Public;
import dev.portcullis.RequiresScope;
import dev.portcullis.RequiresToken;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds Portcullis annotations by reflection, only at startup, to notice classes the
 * annotation processor never saw: such a class would otherwise run unprotected.
 */
final class PortcullisAnnotations {
  private static final List<Class<? extends Annotation>> TYPES =
      List.of(RequiresScope.class, RequiresToken.class, Public.class);

  private static final ClassValue<Boolean> IN_HIERARCHY = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      return scanHierarchy(type);
    }
  };

  private PortcullisAnnotations() {}

  /** Whether the class, its superclasses or interfaces, or any of their methods carry one. */
  static boolean inHierarchy(Class<?> type) {
    return IN_HIERARCHY.get(type);
  }

  /** Whether the method, or the type declaring it, or {@code resourceClass} carries one. */
  static boolean decides(Method method, Class<?> resourceClass) {
    return on(method) || on(method.getDeclaringClass()) || on(resourceClass);
  }

  private static boolean scanHierarchy(Class<?> start) {
    Deque<Class<?>> pending = new ArrayDeque<>();
    Set<Class<?>> seen = new HashSet<>();
    pending.add(start);
    while (!pending.isEmpty()) {
      Class<?> type = pending.poll();
      if (type == Object.class || !seen.add(type)) {
        continue;
      }
      if (on(type)) {
        return true;
      }
      for (Method method : type.getDeclaredMethods()) {
        if (on(method)) {
          return true;
        }
      }
      if (type.getSuperclass() != null) {
        pending.add(type.getSuperclass());
      }
      pending.addAll(List.of(type.getInterfaces()));
    }
    return false;
  }

  private static boolean on(AnnotatedElement element) {
    for (Class<? extends Annotation> annotation : TYPES) {
      if (element.isAnnotationPresent(annotation)) {
        return true;
      }
    }
    return false;
  }
}
