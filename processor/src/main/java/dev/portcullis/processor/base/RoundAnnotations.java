package dev.portcullis.processor.base;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The elements of one round annotated with each annotation the processor reads, found in one
 * pass over the round: javac's {@code getElementsAnnotatedWith} walks every element of the round
 * (every method and parameter of every class) each time it is called, and a round asks for
 * six annotations.
 */
final class RoundAnnotations {
  private final Map<String, Set<Element>> byAnnotation = new HashMap<>();

  /** Finds the elements of {@code roundEnv} annotated with each of {@code annotationNames}. */
  RoundAnnotations(RoundEnvironment roundEnv, Elements elements, List<String> annotationNames) {
    Map<Element, Set<Element>> byType = new HashMap<>();
    for (String name : annotationNames) {
      TypeElement annotation = elements.getTypeElement(name);
      if (annotation != null) {
        Set<Element> annotated = new LinkedHashSet<>();
        byType.put(annotation, annotated);
        byAnnotation.put(name, annotated);
      }
    }
    if (byType.isEmpty()) {
      return;
    }
    // The same test as getElementsAnnotatedWith, so each set keeps the order it would give.
    for (Element element :
        roundEnv.getElementsAnnotatedWithAny(byType.keySet().toArray(new TypeElement[0]))) {
      for (AnnotationMirror mirror : elements.getAllAnnotationMirrors(element)) {
        Set<Element> annotated = byType.get(mirror.getAnnotationType().asElement());
        if (annotated != null) {
          annotated.add(element);
        }
      }
    }
  }

  /**
   * The elements annotated with {@code annotationName} in the order {@code
   * getElementsAnnotatedWith} gives them; empty when the annotation type does not exist.
   */
  Set<Element> annotatedWith(String annotationName) {
    return byAnnotation.getOrDefault(annotationName, Set.of());
  }
}
