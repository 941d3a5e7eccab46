package dev.portcullis.processor.base;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Runs the {@link ProcessingStep}s of each round in order and keeps, for each, the types it
 * deferred: the one place deferral is handled. A type is remembered by its qualified name,
 * because javac gives it a new element in the next round, with the types that exist by then.
 */
public final class Steps {
  private final List<ProcessingStep> steps;
  private final Elements elements;
  private final DiagnosticReporter reporter;
  private final Map<ProcessingStep, Set<String>> deferred = new HashMap<>();

  public Steps(List<ProcessingStep> steps, ProcessorContext context) {
    this.steps = List.copyOf(steps);
    this.elements = context.elements();
    this.reporter = context.reporter();
  }

  /** Runs every step on the round's elements and those it deferred, then ends the round. */
  public void process(RoundEnvironment roundEnv) throws IOException {
    Set<String> names = new LinkedHashSet<>();
    for (ProcessingStep step : steps) {
      names.addAll(step.annotations());
    }
    names.remove(ProcessingStep.EVERY_TYPE);
    RoundAnnotations annotated = new RoundAnnotations(roundEnv, elements, List.copyOf(names));
    List<TypeElement> everyType = new ArrayList<>();
    for (TypeElement root : ElementFilter.typesIn(roundEnv.getRootElements())) {
      addWithNested(root, everyType);
    }
    for (ProcessingStep step : steps) {
      Map<String, Set<Element>> offered = offeredAgain(step);
      for (String annotation : step.annotations()) {
        offered
            .get(annotation)
            .addAll(
                annotation.equals(ProcessingStep.EVERY_TYPE)
                    ? everyType
                    : annotated.annotatedWith(annotation));
      }
      remember(step, step.process(offered, false));
    }
    for (ProcessingStep step : steps) {
      step.roundOver();
    }
  }

  /**
   * After the last round: offers each step what it still defers, reports what it still cannot
   * read, and lets every step finish.
   */
  public void processingOver() throws IOException {
    for (ProcessingStep step : steps) {
      Map<String, Set<Element>> offered = offeredAgain(step);
      if (offered.values().stream().allMatch(Set::isEmpty)) {
        continue;
      }
      for (TypeElement unresolved : step.process(offered, true)) {
        reporter.report(step.unresolved(), unresolved, unresolved.getQualifiedName());
      }
    }
    for (ProcessingStep step : steps) {
      step.processingOver();
    }
  }

  /**
   * The types {@code step} deferred, as elements of this round, by the annotations it reads:
   * an entry for each, empty when nothing was deferred.
   */
  private Map<String, Set<Element>> offeredAgain(ProcessingStep step) {
    Map<String, Set<Element>> offered = new LinkedHashMap<>();
    for (String annotation : step.annotations()) {
      offered.put(annotation, new LinkedHashSet<>());
    }
    Set<String> names = deferred.remove(step);
    if (names == null) {
      return offered;
    }
    for (String name : names) {
      TypeElement type = elements.getTypeElement(name);
      if (type == null) {
        continue;
      }
      for (String annotation : step.annotations()) {
        if (annotation.equals(ProcessingStep.EVERY_TYPE)
            || Annotations.find(type, annotation).isPresent()) {
          offered.get(annotation).add(type);
        }
      }
    }
    return offered;
  }

  private void remember(ProcessingStep step, Set<TypeElement> types) {
    if (!types.isEmpty()) {
      Set<String> names = new LinkedHashSet<>();
      for (TypeElement type : types) {
        names.add(type.getQualifiedName().toString());
      }
      deferred.put(step, names);
    }
  }

  private static void addWithNested(TypeElement type, List<TypeElement> into) {
    into.add(type);
    for (TypeElement nested : ElementFilter.typesIn(type.getEnclosedElements())) {
      addWithNested(nested, into);
    }
  }
}
