package dev.portcullis.processor.catalogue;

import dev.portcullis.processor.base.AnnotationNames;
import dev.portcullis.processor.base.Annotations;
import dev.portcullis.processor.base.ElementNames;
import dev.portcullis.processor.base.Message;
import dev.portcullis.processor.base.ScopeSyntax;
import dev.portcullis.processor.base.ValidationReport;
import dev.portcullis.processor.requirement.PortcullisAnnotation.ScopeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;

/**
 * Reads one {@code @ScopeCatalogue} interface into {@link CatalogueScope}s, reporting each
 * constant that is not a described, valid scope at that constant (a blank description where
 * it is written). Works the same for sources and class files, so an API jar can carry its
 * catalogue.
 */
final class ScopeCatalogueReader {
  /**
   * What reading one catalogue found.
   *
   * @param scopes the valid scopes in declaration order; empty when the type cannot be a
   *     catalogue at all
   * @param report the constants that are no described, valid scope, and why
   */
  record Result(Optional<List<CatalogueScope>> scopes, ValidationReport report) {}

  Result read(TypeElement catalogue, boolean fromSources) {
    ValidationReport.Builder report = ValidationReport.builder();
    String catalogueName = String.join(".", ElementNames.nestedNames(catalogue));
    if (catalogue.getKind() != ElementKind.INTERFACE) {
      report.report(Message.CATALOGUE_NOT_AN_INTERFACE, catalogue, catalogueName, catalogueName);
      return new Result(Optional.empty(), report.build());
    }
    List<CatalogueScope> scopes = new ArrayList<>();
    for (VariableElement field : ElementFilter.fieldsIn(catalogue.getEnclosedElements())) {
      String constantName = catalogueName + "." + field.getSimpleName();
      if (!(field.getConstantValue() instanceof String scope)) {
        report.report(
            Message.CATALOGUE_ENTRY_NOT_A_STRING, field, field.getSimpleName(), catalogueName);
        continue;
      }
      Optional<ScopeSyntax.Problem> problem = ScopeSyntax.problem(scope);
      if (problem.isPresent()) {
        report.report(
            Message.CATALOGUE_SCOPE_INVALID,
            field,
            scope,
            constantName,
            problem.get().describe(scope));
        continue;
      }
      Optional<AnnotationMirror> description =
          Annotations.find(field, AnnotationNames.SCOPE_DESCRIPTION);
      Optional<AnnotationValue> descriptionValue =
          description.flatMap(mirror -> Annotations.value(mirror, "value"));
      String text =
          descriptionValue
              .map(AnnotationValue::getValue)
              .filter(String.class::isInstance)
              .map(String.class::cast)
              .orElse("")
              .strip();
      if (text.isEmpty()) {
        // A blank description is underlined where it is written; a missing one at the constant.
        report.reportOnValue(
            Message.CATALOGUE_DESCRIPTION_MISSING,
            field,
            description.orElse(null),
            descriptionValue.orElse(null),
            scope,
            constantName);
        continue;
      }
      scopes.add(
          new CatalogueScope(
              scope,
              text,
              implies(description.get()),
              catalogue,
              field,
              description.get(),
              fromSources));
    }
    return new Result(Optional.of(scopes), report.build());
  }

  private List<ScopeValue> implies(AnnotationMirror description) {
    List<ScopeValue> implies = new ArrayList<>();
    Optional<AnnotationValue> value = Annotations.value(description, "implies");
    if (value.isPresent() && value.get().getValue() instanceof List<?> items) {
      for (Object item : items) {
        if (item instanceof AnnotationValue each && each.getValue() instanceof String scope) {
          implies.add(new ScopeValue(scope, each));
        }
      }
    }
    return implies;
  }
}
