package dev.portcullis.processor;

import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * What every step works with, made once per compilation: the compiler's utilities and the
 * processor's helpers for elements, names, the type hierarchy and JAX-RS annotations.
 */
final class ProcessorContext {
  private final Elements elements;
  private final Types types;
  private final Filer filer;
  private final DiagnosticReporter reporter;
  private final ElementNames names;
  private final MethodHierarchy hierarchy;
  private final JaxRsAnnotations jaxRs;
  private final GeneratedMarker marker;

  ProcessorContext(ProcessingEnvironment env) {
    elements = env.getElementUtils();
    types = env.getTypeUtils();
    filer = env.getFiler();
    reporter = new DiagnosticReporter(env.getMessager());
    names = new ElementNames(types);
    hierarchy = new MethodHierarchy(elements, types);
    jaxRs = new JaxRsAnnotations(elements, hierarchy);
    marker = new GeneratedMarker(elements.getTypeElement(AnnotationNames.GENERATED) != null);
  }

  /** Forgets what the helpers found in the previous round: javac completes classes again. */
  void startRound() {
    hierarchy.startRound();
    jaxRs.startRound();
  }

  Elements elements() {
    return elements;
  }

  Types types() {
    return types;
  }

  Filer filer() {
    return filer;
  }

  DiagnosticReporter reporter() {
    return reporter;
  }

  ElementNames names() {
    return names;
  }

  MethodHierarchy hierarchy() {
    return hierarchy;
  }

  JaxRsAnnotations jaxRs() {
    return jaxRs;
  }

  /** The {@code @Generated} every generated class carries. */
  GeneratedMarker marker() {
    return marker;
  }
}
