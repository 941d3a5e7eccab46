package dev.portcullis.internal;

import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The generated binding files, {@code META-INF/portcullis/bindings/<binary class name>.json},
 * found by the resource class's name: first through the resource class's own class loader,
 * then through the thread context class loader (application servers and tests load resources
 * from child loaders). Each class's file is read, and checked against the class, once, when
 * the class is first asked for.
 */
final class ScopeBindings {
  // Lives as long as the application it serves, so a plain map: the resolved bindings hold
  // their classes, and through them the loaders, anyway.
  private final Map<Class<?>, Optional<ResolvedBinding>> resolved = new HashMap<>();

  /**
   * The binding for {@code resourceClass}, or {@code null} if the processor never saw it.
   *
   * @throws IllegalStateException when the binding file is damaged, from another Portcullis
   *     version or stale
   */
  synchronized ResolvedBinding find(Class<?> resourceClass) {
    Optional<ResolvedBinding> known = resolved.get(resourceClass);
    if (known == null) {
      known = Optional.ofNullable(load(resourceClass));
      resolved.put(resourceClass, known);
    }
    return known.orElse(null);
  }

  private static ResolvedBinding load(Class<?> resourceClass) {
    String path = BindingFile.resourcePath(resourceClass.getName());
    URL url = locate(resourceClass.getClassLoader(), path);
    if (url == null) {
      url = locate(Thread.currentThread().getContextClassLoader(), path);
    }
    if (url == null) {
      return null;
    }
    return ResolvedBinding.of(resourceClass, BindingFile.read(url, resourceClass.getName()));
  }

  private static URL locate(ClassLoader loader, String path) {
    return loader == null ? null : loader.getResource(path);
  }
}
