package dev.portcullis.internal.filters;

import dev.portcullis.internal.filters.DeclaredRules.Declared;
import dev.portcullis.spi.AccessRule;
import dev.portcullis.spi.ResourceFilter;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares one generated rule with the rule the annotations visible at run time declare, and
 * words the refusal to start when they differ: stale generated code, an API jar changed without
 * rebuilding the server, or two Portcullis versions side by side.
 */
final class RuleComparison {
  private RuleComparison() {}

  /**
   * What is wrong with enforcing {@code generated} on {@code method} of {@code resourceClass},
   * or empty when it is exactly what the annotations declare.
   *
   * @param generated the generated rule, or {@code null} when the generated filter has none
   */
  static Optional<String> compare(Class<?> resourceClass, Method method, AccessRule generated) {
    Optional<Declared> declared = DeclaredRules.of(resourceClass, method);
    String target = DeclaredRules.describe(resourceClass, method.getName(), method.getParameterTypes());
    if (declared.isEmpty()) {
      return generated == null ? Optional.empty() : Optional.of("it enforces " + generated.describe() + " on "
          + target + ", but no Portcullis annotation decides that method any more");
    }
    Declared annotated = declared.get();
    if (annotated.conflicting() != null) {
      return Optional.of("the annotations now disagree on " + target + ": " + annotated.rule().describe() + " on "
          + annotated.where() + " and " + annotated.conflicting().rule().describe() + " on "
          + annotated.conflicting().where() + "; declare the rule on the resource method itself");
    }
    if (generated == null) {
      return Optional.of("it has no rule for " + target + ", but the annotations declare "
          + annotated.rule().describe() + " on " + annotated.where());
    }
    if (!generated.declares(annotated.rule())) {
      return Optional.of("it enforces " + generated.describe() + " on " + target + ", but the annotations declare "
          + annotated.rule().describe() + " on " + annotated.where());
    }
    return Optional.empty();
  }

  /**
   * What is wrong with the scope hierarchy {@code generated} was widened with, compared with the
   * one the catalogues declare now, or empty when they agree.
   */
  static Optional<String> compareHierarchy(
      Class<?> resourceClass, Method method, AccessRule generated, CatalogueHierarchy hierarchy) {
    for (String scope : generated.scopes()) {
      Set<String> widened = new TreeSet<>(generated.impliedBy().getOrDefault(scope, List.of()));
      Set<String> declared = hierarchy.implying(scope);
      if (!widened.equals(declared)) {
        return Optional.of("it accepts " + widened + " in place of \"" + scope + "\" on "
            + DeclaredRules.describe(resourceClass, method.getName(), method.getParameterTypes())
            + ", but the scope catalogues now imply it by " + declared);
      }
    }
    return Optional.empty();
  }

  /** The whole message that stops startup. */
  static String refusal(ResourceFilter filter, List<String> problems) {
    Class<?> resourceClass = filter.resourceClass();
    return "Portcullis refuses to start because the generated filter " + filter.getClass().getName() + " of "
        + resourceClass.getName() + " does not match the annotations the application runs with: "
        + String.join("; ", problems) + ". The filter predates a change to those annotations (or to a jar that"
        + " holds them); " + String.format(GeneratedFilters.REBUILD, resourceClass.getName()) + ".";
  }
}
