package dev.portcullis.processor.manifest;

import dev.portcullis.processor.requirement.Requirement;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.lang.model.element.ExecutableElement;

/**
 * One resource method as the scope manifest lists it.
 *
 * @param httpMethod {@code GET}, {@code POST}, ... or a custom method's name
 * @param path the path template joined from the class's and the method's {@code @Path},
 *     starting with {@code /}, relative to the application path
 * @param javaMethod {@code pkg.Resource#method(ParameterType, ...)}, simple parameter names
 * @param requirement the decision; empty when the method has none (Portcullis leaves it alone)
 * @param satisfiedBy for each required scope, every scope that satisfies it (itself and the
 *     scopes implying it), sorted; empty unless the decision requires scopes
 * @param element the method as a member of the resource class
 */
record ManifestEndpoint(
    String httpMethod,
    String path,
    String javaMethod,
    Optional<Requirement> requirement,
    SortedMap<String, List<String>> satisfiedBy,
    ExecutableElement element) {

  ManifestEndpoint {
    satisfiedBy = new TreeMap<>(satisfiedBy);
  }

  /** {@code PUBLIC}, {@code TOKEN}, {@code SCOPES} or {@code NONE}. */
  String kind() {
    return requirement.isPresent() ? requirement.get().kind().name() : "NONE";
  }
}
