package dev.portcullis.processor.requirement;

import dev.portcullis.processor.base.ElementNames;
import dev.portcullis.processor.base.Message;
import dev.portcullis.processor.base.Reporter;
import dev.portcullis.processor.base.TypeHierarchy;
import dev.portcullis.processor.requirement.DeclaredRequirements.Consultation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Finds the requirement that applies to one resource method of a concrete resource class.
 * Precedence, highest first: the method's own annotation; the annotation of the nearest
 * method it overrides; the resource class's annotation; the annotation of the nearest
 * supertype the method is a member of. Two candidates of the same rank from unrelated
 * supertypes that disagree are a conflict the user has to settle.
 */
public final class DecisionResolver {
  private final DeclaredRequirements declared;
  private final TypeHierarchy hierarchy;
  private final ElementNames names;

  public DecisionResolver(
      DeclaredRequirements declared, TypeHierarchy hierarchy, ElementNames names) {
    this.declared = declared;
    this.hierarchy = hierarchy;
    this.names = names;
  }

  public Optional<Decision> resolve(
      TypeElement resourceClass,
      ExecutableElement method,
      List<ExecutableElement> overridden,
      Consultation consultation) {
    Optional<Decision> own = declared.declaredOn(method, consultation);
    if (own.isPresent()) {
      return own;
    }
    List<Decision> fromOverridden = new ArrayList<>();
    for (ExecutableElement candidate : overridden) {
      declared.declaredOn(candidate, consultation).ifPresent(fromOverridden::add);
    }
    if (!fromOverridden.isEmpty()) {
      return Optional.of(nearest(resourceClass, method, fromOverridden, consultation.report()));
    }
    Optional<Decision> onClass = declared.declaredOn(resourceClass, consultation);
    if (onClass.isPresent()) {
      return onClass;
    }
    List<Decision> fromSupertypes = new ArrayList<>();
    for (TypeElement supertype : hierarchy.supertypes(resourceClass)) {
      if (isMemberOf(method, overridden, supertype)) {
        declared.declaredOn(supertype, consultation).ifPresent(fromSupertypes::add);
      }
    }
    return fromSupertypes.isEmpty()
        ? Optional.empty()
        : Optional.of(nearest(resourceClass, method, fromSupertypes, consultation.report()));
  }

  /** Whether {@code supertype} declares or inherits {@code method} or one it overrides. */
  private boolean isMemberOf(
      ExecutableElement method, List<ExecutableElement> overridden, TypeElement supertype) {
    if (hierarchy.isSubtype(supertype, declaringType(method))) {
      return true;
    }
    return overridden.stream().anyMatch(o -> hierarchy.isSubtype(supertype, declaringType(o)));
  }

  /**
   * The first candidate no other candidate's type is more specific than, reporting a
   * conflict when such most specific candidates disagree.
   */
  private Decision nearest(
      TypeElement resourceClass,
      ExecutableElement method,
      List<Decision> candidates,
      Reporter reporter) {
    List<Decision> mostSpecific = new ArrayList<>();
    for (Decision candidate : candidates) {
      TypeElement type = declaringType(candidate.source());
      boolean hidden =
          candidates.stream()
              .map(other -> declaringType(other.source()))
              .anyMatch(other -> !other.equals(type) && hierarchy.isSubtype(other, type));
      if (!hidden) {
        mostSpecific.add(candidate);
      }
    }
    Decision chosen = mostSpecific.get(0);
    for (Decision other : mostSpecific) {
      if (!other.requirement().isEquivalentTo(chosen.requirement())) {
        reporter.report(
            Message.CONFLICTING_INHERITED_REQUIREMENTS,
            resourceClass,
            names.describe(resourceClass),
            names.describe(method),
            chosen.requirement().describe(),
            names.describe(chosen.source()),
            other.requirement().describe(),
            names.describe(other.source()),
            names.describe(resourceClass));
        break;
      }
    }
    return chosen;
  }

  private static TypeElement declaringType(Element element) {
    return element instanceof TypeElement type
        ? type
        : (TypeElement) element.getEnclosingElement();
  }
}
