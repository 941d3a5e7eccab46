package dev.portcullis.internal;

import dev.portcullis.spi.ScopeBinding;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.WeakHashMap;

/**
 * The generated {@link ScopeBinding}s, found with {@link ServiceLoader} in the thread
 * context class loader and in each resource class's own loader (application servers and
 * tests load resources from child loaders). Each loader is read once; each binding is
 * checked against its class when that class is first asked for.
 */
final class ScopeBindings {
  private final Map<ClassLoader, Map<Class<?>, ScopeBinding>> byLoader = new WeakHashMap<>();
  private final Map<Class<?>, ResolvedBinding> resolved = new HashMap<>();

  /**
   * The binding for {@code resourceClass}, or {@code null} if the processor never saw it.
   *
   * @throws IllegalStateException when a listed binding cannot be loaded or is stale
   */
  synchronized ResolvedBinding find(Class<?> resourceClass) {
    ResolvedBinding known = resolved.get(resourceClass);
    if (known != null) {
      return known;
    }
    ScopeBinding binding = lookup(Thread.currentThread().getContextClassLoader(), resourceClass);
    if (binding == null) {
      binding = lookup(resourceClass.getClassLoader(), resourceClass);
    }
    if (binding == null) {
      return null;
    }
    ResolvedBinding checked = ResolvedBinding.of(binding);
    resolved.put(resourceClass, checked);
    return checked;
  }

  private ScopeBinding lookup(ClassLoader loader, Class<?> resourceClass) {
    if (loader == null) {
      return null;
    }
    return byLoader.computeIfAbsent(loader, ScopeBindings::load).get(resourceClass);
  }

  private static Map<Class<?>, ScopeBinding> load(ClassLoader loader) {
    Map<Class<?>, ScopeBinding> bindings = new HashMap<>();
    try {
      for (ScopeBinding binding : ServiceLoader.load(ScopeBinding.class, loader)) {
        bindings.putIfAbsent(binding.resourceClass(), binding);
      }
    } catch (ServiceConfigurationError e) {
      // A listed binding that cannot be loaded leaves its resource class unprotected.
      throw new IllegalStateException("A generated Portcullis scope binding listed in"
          + " META-INF/services/dev.portcullis.spi.ScopeBinding could not be loaded (" + e.getMessage()
          + "); rebuild the application so that the generated classes and the service file match.", e);
    }
    return bindings;
  }
}
