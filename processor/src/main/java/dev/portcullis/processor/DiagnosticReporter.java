package dev.portcullis.processor;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Prints {@link Message}s at the most precise position available, so that an IDE underlines
 * the offending scope string rather than the whole class, and counts the errors so that a
 * step can tell whether its input was clean.
 */
final class DiagnosticReporter {
  private final Messager messager;
  private int errors;

  DiagnosticReporter(Messager messager) {
    this.messager = messager;
  }

  /** Reports on an element as a whole. */
  void report(Message message, Element element, Object... args) {
    reportOnValue(message, element, null, null, args);
  }

  /** Reports on one annotation of an element. */
  void reportOnAnnotation(
      Message message, Element element, AnnotationMirror annotation, Object... args) {
    reportOnValue(message, element, annotation, null, args);
  }

  /** Reports on one value (for example one scope string) of an annotation of an element. */
  void reportOnValue(
      Message message,
      Element element,
      AnnotationMirror annotation,
      AnnotationValue value,
      Object... args) {
    if (message.kind() == Diagnostic.Kind.ERROR) {
      errors++;
    }
    messager.printMessage(message.kind(), message.format(args), element, annotation, value);
  }

  /** The number of errors reported so far; compare before and after a step to see if it failed. */
  int errorCount() {
    return errors;
  }
}
