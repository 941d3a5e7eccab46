package dev.portcullis.processor;

import dev.portcullis.processor.PortcullisAnnotationReader.DeclaredAnnotations;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Checks what the Portcullis annotations of one element say, independent of where they sit:
 * valid RFC 6749 scope-tokens, no empty or repeated scope lists, no contradicting
 * annotations.
 */
final class AnnotationContentValidator {
  private final DiagnosticReporter reporter;
  private final ElementNames names;

  AnnotationContentValidator(DiagnosticReporter reporter, ElementNames names) {
    this.reporter = reporter;
    this.names = names;
  }

  /** Reports every problem and returns whether there was none. */
  boolean validate(DeclaredAnnotations declared) {
    int errorsBefore = reporter.errorCount();
    for (PortcullisAnnotation annotation : declared.annotations()) {
      if (annotation.kind() == RequirementKind.SCOPES) {
        validateScopes(annotation);
      }
    }
    Optional<PortcullisAnnotation> publicAccess = declared.find(RequirementKind.PUBLIC);
    Optional<PortcullisAnnotation> token = declared.find(RequirementKind.TOKEN);
    Optional<PortcullisAnnotation> scopes = declared.find(RequirementKind.SCOPES);
    if (publicAccess.isPresent() && (token.isPresent() || scopes.isPresent())) {
      RequirementKind other = scopes.isPresent() ? RequirementKind.SCOPES : RequirementKind.TOKEN;
      reporter.reportOnAnnotation(
          Message.PUBLIC_AND_PROTECTED,
          declared.element(),
          publicAccess.get().mirror(),
          names.describe(declared.element()),
          other.simpleName());
    }
    if (token.isPresent() && scopes.isPresent()) {
      reporter.reportOnAnnotation(
          Message.TOKEN_AND_SCOPE,
          declared.element(),
          token.get().mirror(),
          names.describe(declared.element()));
    }
    return reporter.errorCount() == errorsBefore;
  }

  /** Names the annotated element only in a message: most annotations have nothing to report. */
  private void validateScopes(PortcullisAnnotation annotation) {
    if (annotation.scopes().isEmpty()) {
      reporter.reportOnAnnotation(
          Message.SCOPES_MISSING,
          annotation.element(),
          annotation.mirror(),
          names.describe(annotation.element()));
      return;
    }
    Set<String> seen = new HashSet<>();
    for (PortcullisAnnotation.ScopeValue scope : annotation.scopes()) {
      Optional<Message> problem = scopeTokenProblem(scope.scope());
      if (problem.isPresent()) {
        reportScope(problem.get(), annotation, scope);
      } else if (scope.scope().contains(",")) {
        // Valid, but "a,b" is far more often a list typed the way config files write it.
        reporter.reportOnValue(
            Message.SCOPE_LOOKS_LIKE_A_LIST,
            annotation.element(),
            annotation.mirror(),
            scope.value(),
            scope.scope(),
            names.describe(annotation.element()));
      }
      if (problem.isEmpty() && !seen.add(scope.scope())) {
        reporter.reportOnValue(
            Message.SCOPE_DUPLICATE,
            annotation.element(),
            annotation.mirror(),
            scope.value(),
            scope.scope(),
            names.describe(annotation.element()));
      }
    }
  }

  private void reportScope(
      Message problem, PortcullisAnnotation annotation, PortcullisAnnotation.ScopeValue scope) {
    String element = names.describe(annotation.element());
    Object[] args =
        switch (problem) {
          case SCOPE_EMPTY -> new Object[] {element};
          case SCOPE_CONTAINS_SPACE -> new Object[] {scope.scope(), element};
          default -> new Object[] {scope.scope(), element, firstInvalidCharacter(scope.scope())};
        };
    reporter.reportOnValue(
        problem, annotation.element(), annotation.mirror(), scope.value(), args);
  }

  /** RFC 6749 section 3.3: {@code scope-token = 1*( %x21 / %x23-5B / %x5D-7E )}. */
  static Optional<Message> scopeTokenProblem(String scope) {
    if (scope.isEmpty()) {
      return Optional.of(Message.SCOPE_EMPTY);
    }
    for (int i = 0; i < scope.length(); i++) {
      if (Character.isWhitespace(scope.charAt(i))) {
        return Optional.of(Message.SCOPE_CONTAINS_SPACE);
      }
    }
    for (int i = 0; i < scope.length(); i++) {
      if (!isScopeCharacter(scope.charAt(i))) {
        return Optional.of(Message.SCOPE_INVALID_CHARACTER);
      }
    }
    return Optional.empty();
  }

  private static boolean isScopeCharacter(int c) {
    return c == 0x21 || (c >= 0x23 && c <= 0x5B) || (c >= 0x5D && c <= 0x7E);
  }

  /** Names the first offending character so that an invisible one can be found. */
  static String firstInvalidCharacter(String scope) {
    int c = scope.codePoints().filter(ch -> !isScopeCharacter(ch)).findFirst().orElseThrow();
    String codePoint = String.format("U+%04X", c);
    if (c == '"') {
      return "a double quote (" + codePoint + ")";
    }
    if (c == '\\') {
      return "a backslash (" + codePoint + ")";
    }
    if (Character.isISOControl(c)) {
      return "the control character " + codePoint;
    }
    return "the non-ASCII character '" + Character.toString(c) + "' (" + codePoint + ")";
  }
}
