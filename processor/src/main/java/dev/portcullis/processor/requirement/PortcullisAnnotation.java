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
 */
public record PortcullisAnnotation(
    RequirementKind kind,
    Element element,
    AnnotationMirror mirror,
    List<ScopeValue> scopes,
    String match) {

  public PortcullisAnnotation {
    scopes = List.copyOf(scopes);
  }

  /** The requirement this annotation states, without its source positions. */
  Requirement requirement() {
    List<String> scopeNames = new ArrayList<>(scopes.size());
    for (ScopeValue scope : scopes) {
      scopeNames.add(scope.scope());
    }
    return new Requirement(kind, match, scopeNames);
  }

  /**
   * One scope string with the annotation value it was read from.
   *
   * @param scope the scope
   * @param value the array element holding it, to point diagnostics at
   */
  public record ScopeValue(String scope, AnnotationValue value) {}
}
