package dev.portcullis.processor.requirement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * Reads the Portcullis annotations of one element into {@link PortcullisAnnotation}s. Works
 * the same for source and class files, which is what makes annotations on an API interface
 * in another jar visible.
 */
public final class PortcullisAnnotationReader {

  /**
   * The Portcullis annotations of one element.
   *
   * @param element the type or method
   * @param annotations its Portcullis annotations in source order
   * @param malformed whether an annotation value could not be read, typically because it
   *     refers to a constant that does not exist (yet); javac reports that itself
   */
  public record DeclaredAnnotations(
      Element element, List<PortcullisAnnotation> annotations, boolean malformed) {

    public DeclaredAnnotations {
      annotations = List.copyOf(annotations);
    }

    public Optional<PortcullisAnnotation> find(RequirementKind kind) {
      for (PortcullisAnnotation annotation : annotations) {
        if (annotation.kind() == kind) {
          return Optional.of(annotation);
        }
      }
      return Optional.empty();
    }
  }

  private final Elements elements;

  PortcullisAnnotationReader(Elements elements) {
    this.elements = elements;
  }

  DeclaredAnnotations read(Element element) {
    List<PortcullisAnnotation> annotations = new ArrayList<>();
    boolean malformed = false;
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      Optional<RequirementKind> kind = kindOf(mirror);
      if (kind.isEmpty()) {
        continue;
      }
      if (kind.get() == RequirementKind.PUBLIC) {
        annotations.add(new PortcullisAnnotation(kind.get(), element, mirror));
      } else {
        Optional<PortcullisAnnotation> read = readRequirement(kind.get(), element, mirror);
        read.ifPresent(annotations::add);
        malformed |= read.isEmpty();
      }
    }
    return new DeclaredAnnotations(element, annotations, malformed);
  }

  private static Optional<RequirementKind> kindOf(AnnotationMirror mirror) {
    String name =
        ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
    for (RequirementKind kind : RequirementKind.values()) {
      if (kind.annotationName().equals(name)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /** {@code @RequiresScope} or {@code @RequiresToken}; empty when a value cannot be read. */
  private Optional<PortcullisAnnotation> readRequirement(
      RequirementKind kind, Element element, AnnotationMirror mirror) {
    AnnotationValue value = null;
    AnnotationValue match = null;
    AnnotationValue acr = null;
    AnnotationValue maxAge = null;
    AnnotationValue dpop = null;
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        elements.getElementValuesWithDefaults(mirror).entrySet()) {
      switch (entry.getKey().getSimpleName().toString()) {
        case "value" -> value = entry.getValue();
        case "match" -> match = entry.getValue();
        case "acr" -> acr = entry.getValue();
        case "maxAge" -> maxAge = entry.getValue();
        case "dpop" -> dpop = entry.getValue();
        default -> {
          // A newer annotation version may add members; they do not change the decision.
        }
      }
    }
    Optional<List<PortcullisAnnotation.ScopeValue>> acrValues =
        acr == null ? Optional.of(List.of()) : strings(acr);
    if (acrValues.isEmpty() || (maxAge != null && !(maxAge.getValue() instanceof Long))) {
      return Optional.empty();
    }
    if (dpop != null && !(dpop.getValue() instanceof VariableElement)) {
      return Optional.empty();
    }
    String dpopName = dpop == null ? Requirement.DPOP_AS_CONFIGURED
        : ((VariableElement) dpop.getValue()).getSimpleName().toString();
    long maxAgeSeconds = maxAge == null ? Requirement.NO_MAX_AGE : (Long) maxAge.getValue();
    AnnotationValue writtenMaxAge = written(mirror, "maxAge");
    if (kind == RequirementKind.TOKEN) {
      return Optional.of(
          new PortcullisAnnotation(
              kind, element, mirror, List.of(), "ALL", acrValues.get(), maxAgeSeconds, writtenMaxAge,
              dpopName));
    }
    if (value == null
        || match == null
        || !(match.getValue() instanceof VariableElement matchConstant)) {
      return Optional.empty();
    }
    Optional<List<PortcullisAnnotation.ScopeValue>> scopes = strings(value);
    if (scopes.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new PortcullisAnnotation(
            RequirementKind.SCOPES,
            element,
            mirror,
            scopes.get(),
            matchConstant.getSimpleName().toString(),
            acrValues.get(),
            maxAgeSeconds,
            writtenMaxAge,
            dpopName));
  }

  /** The strings of an array member with their values; empty when one is not a constant. */
  private static Optional<List<PortcullisAnnotation.ScopeValue>> strings(AnnotationValue array) {
    if (!(array.getValue() instanceof List<?> items)) {
      return Optional.empty();
    }
    List<PortcullisAnnotation.ScopeValue> strings = new ArrayList<>();
    for (Object item : items) {
      if (!(item instanceof AnnotationValue string) || !isStringConstant(string)) {
        return Optional.empty();
      }
      strings.add(new PortcullisAnnotation.ScopeValue((String) string.getValue(), string));
    }
    return Optional.of(strings);
  }

  /** The value of member {@code name} as written, or {@code null} when it is the default. */
  private static AnnotationValue written(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(name)) {
        return entry.getValue();
      }
    }
    return null;
  }

  /**
   * javac represents a value it could not resolve (an unknown constant) as a string too; only
   * a real string constant prints as a quoted literal.
   */
  private static boolean isStringConstant(AnnotationValue value) {
    return value.getValue() instanceof String && value.toString().startsWith("\"");
  }
}
