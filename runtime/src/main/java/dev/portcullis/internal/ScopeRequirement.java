package dev.portcullis.internal;

import dev.portcullis.ScopeMatch;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a request must present to reach a resource method: nothing ({@link Kind#PUBLIC}),
 * any valid token ({@link Kind#TOKEN}) or a valid token with scopes ({@link Kind#SCOPES}).
 *
 * <p>Instances are immutable and built by {@link BindingFile} from the {@code requires}, {@code
 * match}, {@code scopes} and {@code impliedBy} of a binding file's method entry.
 */
final class ScopeRequirement {

  /** The three decisions a resource method can have. */
  enum Kind {
    /** No token is needed; none is checked. */
    PUBLIC,
    /** Any valid token. */
    TOKEN,
    /** A valid token with the listed scopes. */
    SCOPES
  }

  private static final ScopeRequirement PUBLIC =
      new ScopeRequirement(Kind.PUBLIC, ScopeMatch.ALL, List.of(), Map.of());
  private static final ScopeRequirement TOKEN =
      new ScopeRequirement(Kind.TOKEN, ScopeMatch.ALL, List.of(), Map.of());

  private final Kind kind;
  private final ScopeMatch match;
  private final List<String> scopes;
  private final Map<String, List<String>> impliedBy;

  private ScopeRequirement(
      Kind kind, ScopeMatch match, List<String> scopes, Map<String, List<String>> impliedBy) {
    this.kind = kind;
    this.match = match;
    this.scopes = scopes;
    this.impliedBy = impliedBy;
  }

  /** No token needed. */
  static ScopeRequirement publicAccess() {
    return PUBLIC;
  }

  /** Any valid token. */
  static ScopeRequirement anyToken() {
    return TOKEN;
  }

  /**
   * A valid token with scopes.
   *
   * @throws IllegalArgumentException if {@code scopes} is empty or repeats a scope
   */
  static ScopeRequirement scopes(ScopeMatch match, String... scopes) {
    Objects.requireNonNull(match, "match");
    Set<String> unique = new LinkedHashSet<>(List.of(scopes));
    if (unique.isEmpty()) {
      throw new IllegalArgumentException("A scope requirement needs at least one scope.");
    }
    if (unique.size() != scopes.length) {
      throw new IllegalArgumentException("A scope requirement lists the same scope twice.");
    }
    return new ScopeRequirement(Kind.SCOPES, match, List.copyOf(unique), Map.of());
  }

  /**
   * A copy that also accepts a token granting any of {@code implying} where this requirement
   * names {@code scope}: the scope hierarchy of a catalogue ({@code orders:admin} implies
   * {@code orders:read}), written into binding files ({@code impliedBy}) by the annotation processor.
   *
   * <p>With {@link ScopeMatch#ALL} each listed scope is satisfied by itself or by one of the
   * scopes implying it; with {@link ScopeMatch#ANY} one listed scope, so satisfied, is enough.
   * {@link #scopes()} stays the declared list, so a 403 challenge names the narrowest scope.
   *
   * @throws IllegalArgumentException if {@code scope} is not one of {@link #scopes()}
   */
  ScopeRequirement orImpliedBy(String scope, String... implying) {
    if (!scopes.contains(scope)) {
      throw new IllegalArgumentException(
          "Scope \"" + scope + "\" is not one of the required scopes " + scopes + ".");
    }
    Map<String, List<String>> widened = new TreeMap<>(impliedBy);
    Set<String> merged = new LinkedHashSet<>(widened.getOrDefault(scope, List.of()));
    merged.addAll(List.of(implying));
    merged.remove(scope);
    widened.put(scope, List.copyOf(merged));
    return new ScopeRequirement(kind, match, scopes, Map.copyOf(widened));
  }

  /** The decision. */
  Kind kind() {
    return kind;
  }

  /** How {@link #scopes()} are matched; {@link ScopeMatch#ALL} unless {@link Kind#SCOPES}. */
  ScopeMatch match() {
    return match;
  }

  /** The required scopes in declaration order; empty unless {@link Kind#SCOPES}. */
  List<String> scopes() {
    return scopes;
  }

  /**
   * For each required scope that other scopes imply, those scopes (see {@link
   * #orImpliedBy}); empty without a scope hierarchy.
   */
  Map<String, List<String>> impliedBy() {
    return impliedBy;
  }

  /** Whether a token granting {@code granted} satisfies this requirement. */
  boolean isSatisfiedBy(Collection<String> granted) {
    switch (kind) {
      case PUBLIC:
      case TOKEN:
        return true;
      default:
        for (String scope : scopes) {
          boolean satisfied = isSatisfied(scope, granted);
          if (match == ScopeMatch.ANY && satisfied) {
            return true;
          }
          if (match == ScopeMatch.ALL && !satisfied) {
            return false;
          }
        }
        return match == ScopeMatch.ALL;
    }
  }

  private boolean isSatisfied(String scope, Collection<String> granted) {
    if (granted.contains(scope)) {
      return true;
    }
    for (String implying : impliedBy.getOrDefault(scope, List.of())) {
      if (granted.contains(implying)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScopeRequirement other
        && kind == other.kind
        && match == other.match
        && scopes.equals(other.scopes)
        && impliedBy.equals(other.impliedBy);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, match, scopes, impliedBy);
  }

  @Override
  public String toString() {
    switch (kind) {
      case PUBLIC:
        return "public";
      case TOKEN:
        return "any valid token";
      default:
        String implied = impliedBy.isEmpty() ? "" : " (implied by " + impliedBy + ")";
        return (match == ScopeMatch.ALL ? "all of " : "any of ") + scopes + implied;
    }
  }
}
