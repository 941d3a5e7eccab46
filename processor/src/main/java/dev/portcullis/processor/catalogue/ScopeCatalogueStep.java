package dev.portcullis.processor.catalogue;

import dev.portcullis.processor.base.AnnotationNames;
import dev.portcullis.processor.base.Annotations;
import dev.portcullis.processor.base.DiagnosticReporter;
import dev.portcullis.processor.base.ElementNames;
import dev.portcullis.processor.base.JaxRsAnnotations;
import dev.portcullis.processor.base.Message;
import dev.portcullis.processor.base.ProcessingStep;
import dev.portcullis.processor.base.ProcessorContext;
import dev.portcullis.processor.base.ScopeSyntax;
import dev.portcullis.processor.base.ValidationReport;
import dev.portcullis.processor.requirement.DeclaredRequirements.Consultation;
import dev.portcullis.processor.requirement.DeclaredRequirements;
import dev.portcullis.processor.requirement.PortcullisAnnotation.ScopeValue;
import dev.portcullis.processor.requirement.PortcullisAnnotationReader.DeclaredAnnotations;
import dev.portcullis.processor.requirement.RequirementKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * The catalogue step: checks scopes against the catalogues. Reads the catalogues of each round
 * and records every scope written in {@code @RequiresScope} and {@code @OAuthClient}, adding the
 * catalogues those annotations refer to and those beside a client's API interfaces; at the end
 * of each round, when at least one catalogue takes part, reports unknown scopes (with the
 * closest catalogue scope), and after the last round the catalogue scopes nothing used.
 */
public final class ScopeCatalogueStep implements ProcessingStep {

  /**
   * One scope string written in an annotation of this compilation; {@code label} goes before
   * the element's name where a message names the use (described only when there is a message).
   */
  private record ScopeUse(
      String scope,
      String label,
      Element element,
      AnnotationMirror mirror,
      AnnotationValue value) {}

  private final ScopeCatalogues catalogues;
  private final DeclaredRequirements declaredRequirements;
  private final JaxRsAnnotations jaxRs;
  private final DiagnosticReporter reporter;
  private final ElementNames names;
  private final Elements elements;
  private final List<ScopeUse> uses = new ArrayList<>();
  private final Set<String> used = new HashSet<>();
  private boolean anyScopeWritten;

  public ScopeCatalogueStep(
      ProcessorContext context,
      ScopeCatalogues catalogues,
      DeclaredRequirements declaredRequirements) {
    this.catalogues = catalogues;
    this.declaredRequirements = declaredRequirements;
    this.jaxRs = context.jaxRs();
    this.elements = context.elements();
    this.reporter = context.reporter();
    this.names = context.names();
  }

  @Override
  public Set<String> annotations() {
    return Set.of(
        AnnotationNames.SCOPE_CATALOGUE,
        AnnotationNames.REQUIRES_SCOPE,
        AnnotationNames.OAUTH_CLIENT);
  }

  @Override
  public Set<TypeElement> process(
      Map<String, Set<Element>> elementsByAnnotation, boolean lastRound) {
    for (Element element : elementsByAnnotation.get(AnnotationNames.SCOPE_CATALOGUE)) {
      if (element instanceof TypeElement type) {
        catalogues.add(type, true);
      }
    }
    for (Element element : elementsByAnnotation.get(AnnotationNames.REQUIRES_SCOPE)) {
      recordRequirement(element);
    }
    Set<Element> clients = elementsByAnnotation.get(AnnotationNames.OAUTH_CLIENT);
    for (TypeElement client : ElementFilter.typesIn(clients)) {
      catalogues.addFromPackagesOf(jaxRs.apiTypesAbove(client));
    }
    recordClients(clients);
    return Set.of();
  }

  /** Records the scopes of the {@code @RequiresScope} of {@code element}, if it could be read. */
  private void recordRequirement(Element element) {
    // Read and reported by the requirement step in this round; this only looks the result up.
    ValidationReport.Builder report = ValidationReport.builder();
    DeclaredAnnotations declared = declaredRequirements.read(element, new Consultation(report));
    reporter.print(report.build());
    if (declared.malformed()) {
      return;
    }
    declared
        .find(RequirementKind.SCOPES)
        .ifPresent(
            annotation -> {
              for (ScopeValue scope : annotation.scopes()) {
                record(scope.scope(), "", element, annotation.mirror(), scope.value());
              }
            });
  }

  /** Records the scopes of {@code clients}, the {@code @OAuthClient} types of this round. */
  private void recordClients(Set<Element> clients) {
    for (Element element : clients) {
      Optional<AnnotationMirror> mirror = Annotations.find(element, AnnotationNames.OAUTH_CLIENT);
      Optional<AnnotationValue> scopes = mirror.flatMap(m -> Annotations.value(m, "scopes"));
      if (scopes.isEmpty()) {
        continue;
      }
      if (scopes.get().getValue() instanceof List<?> items) {
        for (Object item : items) {
          if (item instanceof AnnotationValue value && value.getValue() instanceof String scope) {
            record(scope, "@OAuthClient ", element, mirror.get(), value);
          }
        }
      }
    }
  }

  private void record(
      String scope, String label, Element element, AnnotationMirror mirror, AnnotationValue value) {
    anyScopeWritten = true;
    catalogues.addReferencedFrom(element);
    // Invalid scope-tokens are reported by the annotation's own checks.
    if (ScopeSyntax.isValid(scope)) {
      uses.add(new ScopeUse(scope, label, element, mirror, value));
    }
  }

  /**
   * Checks the scopes recorded in this round against the catalogues known now, once every step
   * has added the catalogues it found. Diagnostics need the round's own elements: javac gives
   * elements of earlier rounds no source position.
   */
  @Override
  public void roundOver() {
    catalogues.validateNewImplications();
    List<ScopeUse> roundUses = List.copyOf(uses);
    uses.clear();
    if (catalogues.isEmpty()) {
      return;
    }
    List<String> known = catalogues.all().stream().map(CatalogueScope::scope).toList();
    for (ScopeUse use : roundUses) {
      if (catalogues.find(use.scope()).isPresent()) {
        used.addAll(catalogues.satisfying(use.scope()));
        continue;
      }
      Optional<String> closest = ClosestScope.to(use.scope(), known);
      if (closest.isPresent()) {
        reporter.reportOnValue(
            Message.SCOPE_UNKNOWN_DID_YOU_MEAN,
            use.element(),
            use.mirror(),
            use.value(),
            use.scope(),
            use.label() + names.describe(use.element()),
            closest.get());
      } else {
        reporter.reportOnValue(
            Message.SCOPE_UNKNOWN,
            use.element(),
            use.mirror(),
            use.value(),
            use.scope(),
            use.label() + names.describe(use.element()),
            listed(known));
      }
    }
  }

  /** The scopes quoted, at most ten of them, so that a large catalogue keeps the message short. */
  private static String listed(List<String> scopes) {
    if (scopes.isEmpty()) {
      return "no scopes";
    }
    int shown = Math.min(scopes.size(), 10);
    String quoted = Message.quotedList(scopes.subList(0, shown));
    return shown == scopes.size() ? quoted : quoted + " and " + (scopes.size() - shown) + " more";
  }

  /**
   * Warns about the catalogue scopes of this compilation nothing used; after the last round. A
   * compilation that writes no scope at all (a module holding only the catalogue) does not.
   */
  @Override
  public void processingOver() {
    if (!anyScopeWritten) {
      return;
    }
    for (CatalogueScope scope : catalogues.all()) {
      if (scope.fromSources() && !used.contains(scope.scope())) {
        Element constant = currentConstant(scope);
        reporter.report(
            Message.CATALOGUE_SCOPE_UNUSED, constant, scope.scope(), scope.constantName());
      }
    }
  }

  /** The constant as an element of the current round, which has a source position. */
  private Element currentConstant(CatalogueScope scope) {
    TypeElement catalogue = elements.getTypeElement(scope.catalogueName());
    if (catalogue != null) {
      for (VariableElement field : ElementFilter.fieldsIn(catalogue.getEnclosedElements())) {
        if (field.getSimpleName().contentEquals(scope.constant().getSimpleName())) {
          return field;
        }
      }
    }
    return scope.constant();
  }
}
