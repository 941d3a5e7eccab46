package dev.portcullis.internal.filters;

import dev.portcullis.spi.AccessRule;
import dev.portcullis.spi.MethodRules;
import dev.portcullis.spi.ResourceFilter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The generated filter of each resource class, found by name ({@link ResourceFilter#filterName})
 * through the class's own loader, created once, its rules bound to the class's methods and
 * every rule compared with the annotations (the second check, after javac's).
 *
 * <p>Fails closed: every difference between a generated rule and the annotations, a rule for a
 * method the class no longer has, or a generated class that cannot be loaded throws {@link
 * IllegalStateException}, which stops the application from starting.
 */
final class GeneratedFilters {
  static final String REBUILD = "rebuild the module that contains %s with the Portcullis annotation processor"
      + " (for example mvn clean verify), against the jars the application runs with";
  static final String OTHER_LOADER = "The generated filter %1$s that the class loader of %2$s finds guards another"
      + " copy of that class, loaded by %3$s, not the one the application serves, loaded by %4$s. Deploy the jar that"
      + " holds %2$s once, so that one class loader loads the class and its filter.";

  /** One resource class's generated filter and its rules, keyed by method name and erased parameter types. */
  static final class Bound {
    private record MethodKey(String name, List<Class<?>> parameterTypes) {}

    private final ResourceFilter filter;
    private final Map<MethodKey, AccessRule> rules = new HashMap<>();

    private Bound(ResourceFilter filter) {
      this.filter = filter;
    }

    ResourceFilter filter() {
      return filter;
    }

    /**
     * The rule for a resource method as JAX-RS reports it: the class's own method, or the
     * interface or superclass method carrying the JAX-RS annotations; {@code null} if none.
     */
    AccessRule ruleFor(Method method) {
      AccessRule exact = rules.get(new MethodKey(method.getName(), Arrays.asList(method.getParameterTypes())));
      if (exact != null) {
        return exact;
      }
      // A generic interface method create(T) is bound as the create(Order) that implements it in the class.
      return rules.get(new MethodKey(method.getName(), ParameterTypes.asMemberOf(filter.resourceClass(), method)));
    }
  }

  private final Map<Class<?>, Optional<Bound>> byClass = new HashMap<>();

  /**
   * The generated filter of {@code resourceClass}, bound and checked, or empty when the
   * processor generated none.
   *
   * @throws IllegalStateException when the filter cannot be used or disagrees with the annotations
   */
  synchronized Optional<Bound> find(Class<?> resourceClass) {
    Optional<Bound> known = byClass.get(resourceClass);
    if (known == null) {
      known = load(resourceClass).map(filter -> bind(resourceClass, filter));
      byClass.put(resourceClass, known);
    }
    return known;
  }

  private static Optional<ResourceFilter> load(Class<?> resourceClass) {
    String name = ResourceFilter.filterName(resourceClass);
    Class<?> generated;
    try {
      generated = Class.forName(name, true, resourceClass.getClassLoader());
    } catch (ClassNotFoundException e) {
      return Optional.empty();
    } catch (LinkageError e) {
      throw new IllegalStateException("The generated filter " + name + " of " + resourceClass.getName()
          + " cannot be loaded (" + e + "); " + String.format(REBUILD, resourceClass.getName()) + ".", e);
    }
    if (!ResourceFilter.class.isAssignableFrom(generated)) {
      throw new IllegalStateException("The class " + name + " is named like the generated filter of "
          + resourceClass.getName() + " but is not one; rename it, or " + String.format(REBUILD, resourceClass.getName())
          + ".");
    }
    try {
      ResourceFilter filter = (ResourceFilter) generated.getConstructor().newInstance();
      Class<?> guarded = filter.resourceClass();
      if (guarded != resourceClass && guarded.getName().equals(resourceClass.getName())) {
        // The same class twice (a jar in a parent and a child loader): rebuilding would not help.
        throw new IllegalStateException(String.format(OTHER_LOADER, name, resourceClass.getName(),
            guarded.getClassLoader(), resourceClass.getClassLoader()));
      }
      if (guarded != resourceClass) {
        throw new IllegalStateException("The generated filter " + name + " guards " + guarded.getName()
            + ", not " + resourceClass.getName() + "; " + String.format(REBUILD, resourceClass.getName()) + ".");
      }
      return Optional.of(filter);
    } catch (ReflectiveOperationException | LinkageError e) {
      Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
      throw new IllegalStateException("The generated filter " + name + " of " + resourceClass.getName()
          + " cannot be created (" + cause + "); " + String.format(REBUILD, resourceClass.getName()) + ".", cause);
    }
  }

  private static Bound bind(Class<?> resourceClass, ResourceFilter filter) {
    Bound bound = new Bound(filter);
    List<String> problems = new ArrayList<>();
    List<Class<?>> catalogues = filter.catalogues();
    CatalogueHierarchy hierarchy = catalogues.isEmpty() ? null : new CatalogueHierarchy(catalogues);
    MethodRules rules = (rule, name, parameterTypes) -> {
      Method method;
      try {
        method = resourceClass.getMethod(name, parameterTypes);
      } catch (NoSuchMethodException e) {
        problems.add("it has a rule for " + DeclaredRules.describe(resourceClass, name, parameterTypes)
            + ", which the class no longer has");
        return;
      }
      bound.rules.put(new Bound.MethodKey(name, List.of(parameterTypes)), rule);
      RuleComparison.compare(resourceClass, method, rule).ifPresent(problems::add);
      if (hierarchy != null) {
        RuleComparison.compareHierarchy(resourceClass, method, rule, hierarchy).ifPresent(problems::add);
      }
    };
    try {
      filter.bind(rules);
    } catch (RuntimeException | LinkageError e) {
      throw new IllegalStateException("The generated filter " + filter.getClass().getName() + " of "
          + resourceClass.getName() + " failed to bind its rules (" + e + "); "
          + String.format(REBUILD, resourceClass.getName()) + ".", e);
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(RuleComparison.refusal(filter, problems));
    }
    return bound;
  }
}
