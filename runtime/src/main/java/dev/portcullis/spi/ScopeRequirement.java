package dev.portcullis.spi;

import dev.portcullis.ScopeMatch;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a request must present to reach a resource method: nothing ({@link Kind#PUBLIC}),
 * any valid token ({@link Kind#TOKEN}) or a valid token with scopes ({@link Kind#SCOPES}).
 *
 * <p>Instances are immutable and built by generated code through the static factories.
 */
public final class ScopeRequirement {

  /** The three decisions a resource method can have. */
  public enum Kind {
    /** No token is needed; none is checked. */
    PUBLIC,
    /** Any valid token. */
    TOKEN,
    /** A valid token with the listed scopes. */
    SCOPES
  }

  private static final ScopeRequirement PUBLIC = new ScopeRequirement(Kind.PUBLIC, ScopeMatch.ALL, List.of());
  private static final ScopeRequirement TOKEN = new ScopeRequirement(Kind.TOKEN, ScopeMatch.ALL, List.of());

  private final Kind kind;
  private final ScopeMatch match;
  private final List<String> scopes;

  private ScopeRequirement(Kind kind, ScopeMatch match, List<String> scopes) {
    this.kind = kind;
    this.match = match;
    this.scopes = scopes;
  }

  /** No token needed. */
  public static ScopeRequirement publicAccess() {
    return PUBLIC;
  }

  /** Any valid token. */
  public static ScopeRequirement anyToken() {
    return TOKEN;
  }

  /**
   * A valid token with scopes.
   *
   * @throws IllegalArgumentException if {@code scopes} is empty or repeats a scope
   */
  public static ScopeRequirement scopes(ScopeMatch match, String... scopes) {
    Objects.requireNonNull(match, "match");
    Set<String> unique = new LinkedHashSet<>(List.of(scopes));
    if (unique.isEmpty()) {
      throw new IllegalArgumentException("A scope requirement needs at least one scope.");
    }
    if (unique.size() != scopes.length) {
      throw new IllegalArgumentException("A scope requirement lists the same scope twice.");
    }
    return new ScopeRequirement(Kind.SCOPES, match, List.copyOf(unique));
  }

  /** The decision. */
  public Kind kind() {
    return kind;
  }

  /** How {@link #scopes()} are matched; {@link ScopeMatch#ALL} unless {@link Kind#SCOPES}. */
  public ScopeMatch match() {
    return match;
  }

  /** The required scopes in declaration order; empty unless {@link Kind#SCOPES}. */
  public List<String> scopes() {
    return scopes;
  }

  /** Whether a token granting {@code granted} satisfies this requirement. */
  public boolean isSatisfiedBy(Collection<String> granted) {
    switch (kind) {
      case PUBLIC:
      case TOKEN:
        return true;
      default:
        if (match == ScopeMatch.ALL) {
          return granted.containsAll(scopes);
        }
        for (String scope : scopes) {
          if (granted.contains(scope)) {
            return true;
          }
        }
        return false;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScopeRequirement other
        && kind == other.kind
        && match == other.match
        && scopes.equals(other.scopes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, match, scopes);
  }

  @Override
  public String toString() {
    switch (kind) {
      case PUBLIC:
        return "public";
      case TOKEN:
        return "any valid token";
      default:
        return (match == ScopeMatch.ALL ? "all of " : "any of ") + scopes;
    }
  }
}
