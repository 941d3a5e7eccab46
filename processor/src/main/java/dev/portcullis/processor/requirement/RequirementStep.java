package dev.portcullis.processor.requirement;

import dev.portcullis.processor.base.AnnotationNames;
import dev.portcullis.processor.base.DiagnosticReporter;
import dev.portcullis.processor.base.ProcessingStep;
import dev.portcullis.processor.base.ProcessorContext;
import dev.portcullis.processor.base.ValidationReport;
import dev.portcullis.processor.requirement.DeclaredRequirements.Consultation;
import dev.portcullis.processor.requirement.PortcullisAnnotationReader.DeclaredAnnotations;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The requirement step: checks every {@code @Public}, {@code @RequiresToken} and {@code
 * @RequiresScope} written in the round's sources where it is written, for what it says and for
 * where it sits, and reads the round's {@code @RequireExplicitDecisions}. What a requirement
 * means for a resource class or a client is decided by their steps.
 */
public final class RequirementStep implements ProcessingStep {
  private final DeclaredRequirements declaredRequirements;
  private final PlacementValidator placementValidator;
  private final ExplicitDecisionPolicy explicitDecisions;
  private final DiagnosticReporter reporter;

  public RequirementStep(
      ProcessorContext context,
      DeclaredRequirements declaredRequirements,
      ExplicitDecisionPolicy explicitDecisions) {
    this.declaredRequirements = declaredRequirements;
    this.placementValidator =
        new PlacementValidator(
            context.jaxRs(),
            context.hierarchy(),
            new PortcullisAnnotationReader(context.elements()),
            context.names());
    this.explicitDecisions = explicitDecisions;
    this.reporter = context.reporter();
  }

  @Override
  public Set<String> annotations() {
    return Set.of(
        AnnotationNames.REQUIRE_EXPLICIT_DECISIONS,
        AnnotationNames.PUBLIC,
        AnnotationNames.REQUIRES_TOKEN,
        AnnotationNames.REQUIRES_SCOPE);
  }

  @Override
  public Set<TypeElement> process(
      Map<String, Set<Element>> elementsByAnnotation, boolean lastRound) {
    explicitDecisions.readAnnotations(
        elementsByAnnotation.get(AnnotationNames.REQUIRE_EXPLICIT_DECISIONS));
    Set<Element> annotated = new LinkedHashSet<>();
    for (RequirementKind kind : RequirementKind.values()) {
      annotated.addAll(elementsByAnnotation.getOrDefault(kind.annotationName(), Set.of()));
    }
    for (Element element : annotated) {
      ValidationReport.Builder report = ValidationReport.builder();
      DeclaredAnnotations declared = declaredRequirements.read(element, new Consultation(report));
      if (!declared.malformed()) {
        placementValidator.validate(declared, report);
      }
      reporter.print(report.build());
    }
    return Set.of(); // Nothing to wait for: what a malformed annotation means is javac's to say.
  }
}
