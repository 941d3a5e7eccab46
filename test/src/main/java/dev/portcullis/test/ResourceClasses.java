package dev.portcullis.test;

import java.lang.annotation.Annotation;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Tells root resource classes from sub-resource classes, whose manifest paths lack the path of
 * the locator that returns them and so cannot be requested as listed.
 */
final class ResourceClasses {
  private static final String PATH = "jakarta.ws.rs.Path";

  private ResourceClasses() {}

  /**
   * Whether the class {@code binaryName} or one of its supertypes has a class-level {@code @Path}
   * (Jersey takes it from a superclass or an interface too). A class that cannot be loaded here
   * (a manifest read from a jar of another application) counts as a root.
   */
  static boolean isRoot(String binaryName) {
    Class<?> type;
    try {
      type = Class.forName(binaryName, false, Thread.currentThread().getContextClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return true;
    }
    Deque<Class<?>> pending = new ArrayDeque<>();
    Set<Class<?>> seen = new HashSet<>();
    pending.add(type);
    while (!pending.isEmpty()) {
      Class<?> at = pending.remove();
      if (!seen.add(at)) {
        continue;
      }
      for (Annotation annotation : at.getDeclaredAnnotations()) {
        if (annotation.annotationType().getName().equals(PATH)) {
          return true;
        }
      }
      if (at.getSuperclass() != null) {
        pending.add(at.getSuperclass());
      }
      pending.addAll(List.of(at.getInterfaces()));
    }
    return false;
  }
}
