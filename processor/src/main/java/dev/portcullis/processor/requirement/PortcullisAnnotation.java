package dev.portcullis.processor.requirement;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * One Portcullis annotation as written on a type or method, with the mirrors needed to
 * report a problem at the exact value.
 *
 * @param kind which annotation it is
 * @param element the annotated type or method
 * @param mirror the annotation
 * @param scopes the scopes of {@code @RequiresScope} in declaration order; empty otherwise
 * @param match {@code "ALL"} or {@code "ANY"}; {@code "ALL"} unless {@code @RequiresScope}
 * @param acr the {@code acr} values of {@code @RequiresScope} or {@code @RequiresToken} in
 *     declaration order; empty otherwise
 * @param maxAge the {@code maxAge} of {@code @RequiresScope} or {@code @RequiresToken}, {@link
 *     Requirement#NO_MAX_AGE} when not written
 * @param maxAgeValue the written {@code maxAge}, to point diagnostics at; {@code null} when not
 *     written
 * @param dpop the name of the {@code dpop} constant of {@code @RequiresScope} or {@code
 *     @RequiresToken}, {@link Requirement#DPOP_AS_CONFIGURED} otherwise
 */
public record PortcullisAnnotation(
    RequirementKind kind,
    Element element,
    AnnotationMirror mirror,
    List<ScopeValue> scopes,
    String match,
    List<ScopeValue> acr,
    long maxAge,
    AnnotationValue maxAgeValue,
    String dpop) {

  public PortcullisAnnotation {
    scopes = List.copyOf(scopes);
    acr = List.copyOf(acr);
  }

  /** An annotation without members: {@code @Public}. */
  PortcullisAnnotation(RequirementKind kind, Element element, AnnotationMirror mirror) {
    this(kind, element, mirror, List.of(), "ALL", List.of(), Requirement.NO_MAX_AGE, null,
        Requirement.DPOP_AS_CONFIGURED);
  }

  /** The requirement this annotation states, without its source positions. */
  Requirement requirement() {
    List<String> scopeNames = new ArrayList<>(scopes.size());
    for (ScopeValue scope : scopes) {
      scopeNames.add(scope.scope());
    }
    List<String> acrValues = new ArrayList<>(acr.size());
    for (ScopeValue value : acr) {
      acrValues.add(value.scope());
    }
    return new Requirement(kind, match, scopeNames, acrValues, maxAge, dpop);
  }

  /**
   * One scope (or {@code acr}) string with the annotation value it was read from.
   *
   * @param scope the scope or acr value
   * @param value the array element holding it, to point diagnostics at
   */
  public record ScopeValue(String scope, AnnotationValue value) {}
}
