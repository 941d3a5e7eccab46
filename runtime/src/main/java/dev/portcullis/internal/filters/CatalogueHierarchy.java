package dev.portcullis.internal.filters;

import dev.portcullis.ScopeDescription;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The scope hierarchy ({@code @ScopeDescription(implies = ...)}) of some {@code
 * @ScopeCatalogue} interfaces, read by reflection at startup from the catalogues the
 * application runs with, to check the hierarchy a generated filter was widened with.
 */
final class CatalogueHierarchy {
  /** For each catalogue scope, the scopes it implies directly. */
  private final Map<String, List<String>> implies = new HashMap<>();

  CatalogueHierarchy(List<Class<?>> catalogues) {
    for (Class<?> catalogue : catalogues) {
      for (Field field : catalogue.getDeclaredFields()) {
        ScopeDescription description = field.getAnnotation(ScopeDescription.class);
        if (description == null || field.getType() != String.class || !Modifier.isStatic(field.getModifiers())) {
          continue;
        }
        try {
          field.setAccessible(true);
          implies.put((String) field.get(null), List.of(description.implies()));
        } catch (ReflectiveOperationException | RuntimeException e) {
          throw new IllegalStateException("The scope catalogue " + catalogue.getName() + " cannot be read ("
              + e.getClass().getName() + "); its constants must be public String constants.", e);
        }
      }
    }
  }

  /** The catalogue scopes other than {@code scope} that imply it, directly or through others. */
  Set<String> implying(String scope) {
    Set<String> satisfying = new TreeSet<>();
    Deque<String> pending = new ArrayDeque<>(List.of(scope));
    while (!pending.isEmpty()) {
      String current = pending.pop();
      if (satisfying.add(current)) {
        implies.forEach((candidate, implied) -> {
          if (implied.contains(current)) {
            pending.push(candidate);
          }
        });
      }
    }
    satisfying.remove(scope);
    return satisfying;
  }
}
