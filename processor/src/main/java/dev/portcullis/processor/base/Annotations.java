package dev.portcullis.processor.base;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Reads annotation values by the annotation's qualified name, the same for sources and class
 * files, so that the processor needs neither JAX-RS nor the runtime on its own class path.
 */
public final class Annotations {
  private Annotations() {}

  public static String name(AnnotationMirror mirror) {
    return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
  }

  public static Optional<AnnotationMirror> find(Element element, String qualifiedName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (name(mirror).equals(qualifiedName)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  public static Optional<AnnotationMirror> find(Element element, Predicate<AnnotationMirror> test) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (test.test(mirror)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  /** The explicitly written value of {@code member}, if any. */
  public static Optional<AnnotationValue> value(AnnotationMirror mirror, String member) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(member)) {
        return Optional.of(entry.getValue());
      }
    }
    return Optional.empty();
  }

  /** The string {@code value()} of the annotation on {@code element}, if present. */
  public static Optional<String> stringValue(Element element, String annotation) {
    Optional<AnnotationMirror> mirror = find(element, annotation);
    if (mirror.isPresent()) {
      Optional<AnnotationValue> value = value(mirror.get(), "value");
      if (value.isPresent() && value.get().getValue() instanceof String string) {
        return Optional.of(string);
      }
    }
    return Optional.empty();
  }

  /** The strings of a {@code String[] value()}; empty when the annotation is absent. */
  public static List<String> stringValues(Element element, String annotation) {
    List<String> strings = new ArrayList<>();
    find(element, annotation)
        .flatMap(mirror -> value(mirror, "value"))
        .ifPresent(value -> strings.addAll(strings(value)));
    return strings;
  }

  /** The strings of an array value, or of a single string value. */
  public static List<String> strings(AnnotationValue value) {
    List<String> strings = new ArrayList<>();
    if (value.getValue() instanceof List<?> items) {
      for (Object item : items) {
        if (item instanceof AnnotationValue each && each.getValue() instanceof String string) {
          strings.add(string);
        }
      }
    } else if (value.getValue() instanceof String string) {
      strings.add(string);
    }
    return strings;
  }
}
