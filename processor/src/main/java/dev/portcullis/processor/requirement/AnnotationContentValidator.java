package dev.portcullis.processor.requirement;

import dev.portcullis.processor.base.ElementNames;
import dev.portcullis.processor.base.Message;
import dev.portcullis.processor.base.ScopeSyntax;
import dev.portcullis.processor.base.ValidationReport;
import dev.portcullis.processor.requirement.PortcullisAnnotationReader.DeclaredAnnotations;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Checks what the Portcullis annotations of one element say, independent of where they sit:
 * valid RFC 6749 scope-tokens, no empty or repeated scope lists, no contradicting
 * annotations.
 */
final class AnnotationContentValidator {
  private final ElementNames names;

  AnnotationContentValidator(ElementNames names) {
    this.names = names;
  }

  /** Every problem of {@code declared}. */
  ValidationReport validate(DeclaredAnnotations declared) {
    ValidationReport.Builder report = ValidationReport.builder();
    for (PortcullisAnnotation annotation : declared.annotations()) {
      if (annotation.kind() == RequirementKind.SCOPES) {
        validateScopes(annotation, report);
      }
      validateStepUp(annotation, report);
    }
    Optional<PortcullisAnnotation> publicAccess = declared.find(RequirementKind.PUBLIC);
    Optional<PortcullisAnnotation> token = declared.find(RequirementKind.TOKEN);
    Optional<PortcullisAnnotation> scopes = declared.find(RequirementKind.SCOPES);
    if (publicAccess.isPresent() && (token.isPresent() || scopes.isPresent())) {
      RequirementKind other = scopes.isPresent() ? RequirementKind.SCOPES : RequirementKind.TOKEN;
      report.reportOnAnnotation(
          Message.PUBLIC_AND_PROTECTED,
          declared.element(),
          publicAccess.get().mirror(),
          names.describe(declared.element()),
          other.simpleName());
    }
    if (token.isPresent() && scopes.isPresent()) {
      report.reportOnAnnotation(
          Message.TOKEN_AND_SCOPE,
          declared.element(),
          token.get().mirror(),
          names.describe(declared.element()));
    }
    return report.build();
  }

  /** Names the annotated element only in a message: most annotations have nothing to report. */
  private void validateScopes(PortcullisAnnotation annotation, ValidationReport.Builder report) {
    if (annotation.scopes().isEmpty()) {
      report.reportOnAnnotation(
          Message.SCOPES_MISSING,
          annotation.element(),
          annotation.mirror(),
          names.describe(annotation.element()));
      return;
    }
    Set<String> seen = new HashSet<>();
    for (PortcullisAnnotation.ScopeValue scope : annotation.scopes()) {
      Optional<ScopeSyntax.Problem> problem = ScopeSyntax.problem(scope.scope());
      if (problem.isPresent()) {
        reportScope(problem.get(), annotation, scope, report);
      } else if (scope.scope().contains(",")) {
        // Valid, but "a,b" is far more often a list typed the way config files write it.
        report.reportOnValue(
            Message.SCOPE_LOOKS_LIKE_A_LIST,
            annotation.element(),
            annotation.mirror(),
            scope.value(),
            scope.scope(),
            names.describe(annotation.element()));
      }
      if (problem.isEmpty() && !seen.add(scope.scope())) {
        report.reportOnValue(
            Message.SCOPE_DUPLICATE,
            annotation.element(),
            annotation.mirror(),
            scope.value(),
            scope.scope(),
            names.describe(annotation.element()));
      }
    }
  }

  /** The {@code acr} values and {@code maxAge} of {@code @RequiresScope} or {@code @RequiresToken}. */
  private void validateStepUp(PortcullisAnnotation annotation, ValidationReport.Builder report) {
    String name = annotation.kind().simpleName();
    Set<String> seen = new HashSet<>();
    for (PortcullisAnnotation.ScopeValue acr : annotation.acr()) {
      Optional<ScopeSyntax.Problem> problem = ScopeSyntax.problem(acr.scope());
      if (problem.isEmpty()) {
        if (!seen.add(acr.scope())) {
          report.reportOnValue(
              Message.ACR_DUPLICATE,
              annotation.element(),
              annotation.mirror(),
              acr.value(),
              acr.scope(),
              name,
              names.describe(annotation.element()));
        }
        continue;
      }
      if (problem.get() == ScopeSyntax.Problem.EMPTY) {
        report.reportOnValue(
            Message.ACR_EMPTY,
            annotation.element(),
            annotation.mirror(),
            acr.value(),
            name,
            names.describe(annotation.element()));
      } else {
        report.reportOnValue(
            Message.ACR_INVALID_CHARACTER,
            annotation.element(),
            annotation.mirror(),
            acr.value(),
            acr.scope(),
            names.describe(annotation.element()),
            problem.get() == ScopeSyntax.Problem.WHITESPACE
                ? "whitespace"
                : ScopeSyntax.firstInvalidCharacter(acr.scope()));
      }
    }
    if (annotation.maxAgeValue() != null && annotation.maxAge() <= 0) {
      report.reportOnValue(
          Message.MAX_AGE_NOT_POSITIVE,
          annotation.element(),
          annotation.mirror(),
          annotation.maxAgeValue(),
          name,
          names.describe(annotation.element()),
          annotation.maxAge());
    }
  }

  private void reportScope(
      ScopeSyntax.Problem problem,
      PortcullisAnnotation annotation,
      PortcullisAnnotation.ScopeValue scope,
      ValidationReport.Builder report) {
    String element = names.describe(annotation.element());
    Object[] args =
        switch (problem) {
          case EMPTY -> new Object[] {element};
          case WHITESPACE -> new Object[] {scope.scope(), element};
          case INVALID_CHARACTER ->
              new Object[] {
                scope.scope(), element, ScopeSyntax.firstInvalidCharacter(scope.scope())
              };
        };
    report.reportOnValue(
        problem.onRequiresScope(), annotation.element(), annotation.mirror(), scope.value(), args);
  }
}
