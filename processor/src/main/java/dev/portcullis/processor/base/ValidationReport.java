package dev.portcullis.processor.base;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * What reading and validating one element found wrong: each item a {@link Message} at the most
 * precise position known. A reader returns its report with its model; only a {@linkplain
 * #isClean clean} report lets the model reach a generator, and the report is printed once,
 * through {@link DiagnosticReporter#print}, whatever the outcome.
 */
public final class ValidationReport {
  /**
   * One diagnostic.
   *
   * @param message what is wrong, and how to fix it
   * @param element where, or {@code null} for the compilation as a whole
   * @param annotation the annotation of {@code element} to point at, if any
   * @param value the value of {@code annotation} to point at, if any
   * @param arguments what fills the message's placeholders
   */
  record Item(
      Message message,
      Element element,
      AnnotationMirror annotation,
      AnnotationValue value,
      List<Object> arguments) {

    /** The message text, exactly as printed. */
    String text() {
      return message.format(arguments.toArray());
    }
  }

  private final List<Item> items;

  private ValidationReport(List<Item> items) {
    this.items = List.copyOf(items);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The items in the order they were found. */
  public List<Item> items() {
    return items;
  }

  /** Whether no item is an error: warnings alone do not stop generation. */
  public boolean isClean() {
    return isClean(items);
  }

  private static boolean isClean(List<Item> items) {
    for (Item item : items) {
      if (item.message().kind() == Diagnostic.Kind.ERROR) {
        return false;
      }
    }
    return true;
  }

  /** Collects the items of one report. */
  public static final class Builder implements Reporter {
    private final List<Item> items = new ArrayList<>();

    private Builder() {}

    @Override
    public void reportOnValue(
        Message message,
        Element element,
        AnnotationMirror annotation,
        AnnotationValue value,
        Object... args) {
      // Arrays.asList, not List.of: an argument may be null.
      items.add(new Item(message, element, annotation, value, Arrays.asList(args.clone())));
    }

    /** Adds the items of {@code report}, a part of what this report is about. */
    public Builder add(ValidationReport report) {
      items.addAll(report.items());
      return this;
    }

    /** Whether no error has been added so far. */
    public boolean isClean() {
      return ValidationReport.isClean(items);
    }

    public ValidationReport build() {
      return new ValidationReport(items);
    }
  }
}
