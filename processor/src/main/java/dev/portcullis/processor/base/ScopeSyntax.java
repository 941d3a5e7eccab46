package dev.portcullis.processor.base;

import java.util.Optional;

/**
 * The syntax of an OAuth 2.0 scope, RFC 6749 section 3.3: {@code scope-token = 1*( %x21 /
 * %x23-5B / %x5D-7E )}. The one place every scope written in an annotation or a catalogue is
 * checked.
 */
public final class ScopeSyntax {
  private ScopeSyntax() {}

  /** Why a string is not a scope-token. */
  public enum Problem {
    EMPTY(Message.SCOPE_EMPTY),
    WHITESPACE(Message.SCOPE_CONTAINS_SPACE),
    INVALID_CHARACTER(Message.SCOPE_INVALID_CHARACTER);

    private final Message onRequiresScope;

    Problem(Message onRequiresScope) {
      this.onRequiresScope = onRequiresScope;
    }

    /** The message that reports the problem on a {@code @RequiresScope} value. */
    public Message onRequiresScope() {
      return onRequiresScope;
    }

    /** The problem as the end of a sentence: "it contains whitespace". */
    public String describe(String scope) {
      return switch (this) {
        case EMPTY -> "it is empty";
        case WHITESPACE -> "it contains whitespace";
        case INVALID_CHARACTER -> "it contains " + firstInvalidCharacter(scope);
      };
    }
  }

  /** What makes {@code scope} no scope-token; empty when it is one. */
  public static Optional<Problem> problem(String scope) {
    if (scope.isEmpty()) {
      return Optional.of(Problem.EMPTY);
    }
    for (int i = 0; i < scope.length(); i++) {
      if (Character.isWhitespace(scope.charAt(i))) {
        return Optional.of(Problem.WHITESPACE);
      }
    }
    for (int i = 0; i < scope.length(); i++) {
      if (!isScopeCharacter(scope.charAt(i))) {
        return Optional.of(Problem.INVALID_CHARACTER);
      }
    }
    return Optional.empty();
  }

  /** Whether {@code scope} is a scope-token. */
  public static boolean isValid(String scope) {
    return problem(scope).isEmpty();
  }

  private static boolean isScopeCharacter(int c) {
    return c == 0x21 || (c >= 0x23 && c <= 0x5B) || (c >= 0x5D && c <= 0x7E);
  }

  /** Names the first offending character so that an invisible one can be found. */
  public static String firstInvalidCharacter(String scope) {
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
