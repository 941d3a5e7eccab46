package dev.portcullis.processor.base;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Prints {@link Message}s through the {@link Messager} at the most precise position available,
 * so that an IDE underlines the offending scope string rather than the whole class: the items
 * of {@link ValidationReport}s, and the messages of checks that decide nothing about output.
 */
public final class DiagnosticReporter implements Reporter {
  private final Messager messager;

  public DiagnosticReporter(Messager messager) {
    this.messager = messager;
  }

  @Override
  public void reportOnValue(
      Message message,
      Element element,
      AnnotationMirror annotation,
      AnnotationValue value,
      Object... args) {
    messager.printMessage(message.kind(), message.format(args), element, annotation, value);
  }

  /** Prints every item of {@code report}. */
  public void print(ValidationReport report) {
    for (ValidationReport.Item item : report.items()) {
      messager.printMessage(
          item.message().kind(), item.text(), item.element(), item.annotation(), item.value());
    }
  }
}
