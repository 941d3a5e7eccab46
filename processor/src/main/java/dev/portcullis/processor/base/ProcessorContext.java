package dev.portcullis.processor.base;

import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * What every step works with, made once per compilation: the compiler's utilities and the
 * processor's helpers for elements, names, the type hierarchy and JAX-RS annotations.
 *
 * @param elements the compiler's element utilities
 * @param types the compiler's type utilities
 * @param filer where generated files go
 * @param reporter prints diagnostics
 * @param names names elements in messages
 * @param hierarchy the one walk over supertypes and overridden methods
 * @param jaxRs what JAX-RS makes of types and methods
 * @param marker the {@code @Generated} every generated class carries
 */
public record ProcessorContext(
    Elements elements,
    Types types,
    Filer filer,
    DiagnosticReporter reporter,
    ElementNames names,
    TypeHierarchy hierarchy,
    JaxRsAnnotations jaxRs,
    GeneratedMarker marker) {

  /** The context of the compilation {@code env} belongs to. */
  public static ProcessorContext of(ProcessingEnvironment env) {
    Elements elements = env.getElementUtils();
    Types types = env.getTypeUtils();
    TypeHierarchy hierarchy = new TypeHierarchy(elements, types);
    return new ProcessorContext(
        elements,
        types,
        env.getFiler(),
        new DiagnosticReporter(env.getMessager()),
        new ElementNames(types),
        hierarchy,
        new JaxRsAnnotations(elements, hierarchy),
        new GeneratedMarker(elements.getTypeElement(AnnotationNames.GENERATED) != null));
  }

  /** Forgets what the helpers found in the previous round: javac completes classes again. */
  public void startRound() {
    hierarchy.startRound();
    jaxRs.startRound();
  }
}
