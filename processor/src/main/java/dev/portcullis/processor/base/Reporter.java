package dev.portcullis.processor.base;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Where a {@link Message} about an element goes: printed at once ({@link DiagnosticReporter}),
 * or collected into a {@link ValidationReport} whose owner decides from it whether to generate,
 * and prints it later.
 */
public interface Reporter {
  /** Reports on one value (for example one scope string) of an annotation of an element. */
  void reportOnValue(
      Message message,
      Element element,
      AnnotationMirror annotation,
      AnnotationValue value,
      Object... args);

  /** Reports on an element as a whole. */
  default void report(Message message, Element element, Object... args) {
    reportOnValue(message, element, null, null, args);
  }

  /** Reports on one annotation of an element. */
  default void reportOnAnnotation(
      Message message, Element element, AnnotationMirror annotation, Object... args) {
    reportOnValue(message, element, annotation, null, args);
  }
}
