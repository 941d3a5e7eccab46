package dev.portcullis.processor.base;

import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * What every step works with, made once per compilation: the compiler's utilities and the
 * processor's helpers for elements, names, the type hierarchy and JAX-RS annotations.
 */
public final class ProcessorContext {
  private final Elements elements;
  private final Types types;
  private final Filer filer;
  private final DiagnosticReporter reporter;
  private final ElementNames names;
  private final TypeHierarchy hierarchy;
  private final JaxRsAnnotations jaxRs;
  private final GeneratedMarker marker;

  public ProcessorContext(ProcessingEnvironment env) {
    elements = env.getElementUtils();
    types = env.getTypeUtils();
    filer = env.getFiler();
    reporter = new DiagnosticReporter(env.getMessager());
    names = new ElementNames(types);
    hierarchy = new TypeHierarchy(elements, types);
    jaxRs = new JaxRsAnnotations(elements, hierarchy);
    marker = new GeneratedMarker(elements.getTypeElement(AnnotationNames.GENERATED) != null);
  }

  /** Forgets what the helpers found in the previous round: javac completes classes again. */
  public void startRound() {
    hierarchy.startRound();
    jaxRs.startRound();
  }

  public Elements elements() {
    return elements;
  }

  public Types types() {
    return types;
  }

  public Filer filer() {
    return filer;
  }

  public DiagnosticReporter reporter() {
    return reporter;
  }

  public ElementNames names() {
    return names;
  }

  public TypeHierarchy hierarchy() {
    return hierarchy;
  }

  public JaxRsAnnotations jaxRs() {
    return jaxRs;
  }

  /** The {@code @Generated} every generated class carries. */
  public GeneratedMarker marker() {
    return marker;
  }
}
