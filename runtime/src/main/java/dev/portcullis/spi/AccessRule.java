package dev.portcullis.spi;

import dev.portcullis.ScopeMatch;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a request must present to reach one resource method: nothing ({@link Kind#PUBLIC}), any
 * valid token ({@link Kind#TOKEN}) or a valid token with scopes ({@link Kind#SCOPES}). The
 * generated filters hold one constant per resource method:
 *
 * <pre>{@code
 * static final AccessRule CREATE = AccessRule.allOf("orders:write").impliedBy("orders:write", "orders:admin");
 * }</pre>
 *
 * <p>Instances are immutable and compare by value; {@link #impliedBy()} is part of that value.
 */
public final class AccessRule {

  /** The three decisions a resource method can have. */
  public enum Kind {
    /** No token is needed; none is checked ({@code @Public}). */
    PUBLIC,
    /** Any valid token ({@code @RequiresToken}). */
    TOKEN,
    /** A valid token with the listed scopes ({@code @RequiresScope}). */
    SCOPES
  }

  private static final AccessRule PUBLIC = new AccessRule(Kind.PUBLIC, ScopeMatch.ALL, List.of(), Map.of());
  private static final AccessRule TOKEN = new AccessRule(Kind.TOKEN, ScopeMatch.ALL, List.of(), Map.of());

  private final Kind kind;
  private final ScopeMatch match;
  private final List<String> scopes;
  private final Map<String, List<String>> impliedBy;

  private AccessRule(Kind kind, ScopeMatch match, List<String> scopes, Map<String, List<String>> impliedBy) {
    this.kind = kind;
    this.match = match;
    this.scopes = scopes;
    this.impliedBy = impliedBy;
  }

  /** No token needed: {@code @Public}. */
  public static AccessRule publicAccess() {
    return PUBLIC;
  }

  /** Any valid token: {@code @RequiresToken}. */
  public static AccessRule anyToken() {
    return TOKEN;
  }

  /**
   * A valid token with every one of {@code scopes}: {@code @RequiresScope({...})}.
   *
   * @throws IllegalArgumentException if {@code scopes} is empty or repeats a scope
   * @throws NullPointerException if a scope is {@code null}
   */
  public static AccessRule allOf(String... scopes) {
    return scopes(ScopeMatch.ALL, List.of(scopes));
  }

  /**
   * A valid token with at least one of {@code scopes}: {@code @RequiresScope(value = {...},
   * match = ANY)}.
   *
   * @throws IllegalArgumentException if {@code scopes} is empty or repeats a scope
   * @throws NullPointerException if a scope is {@code null}
   */
  public static AccessRule anyOf(String... scopes) {
    return scopes(ScopeMatch.ANY, List.of(scopes));
  }

  /**
   * A valid token with {@code scopes}, matched as {@code match} says.
   *
   * @throws IllegalArgumentException if {@code scopes} is empty or repeats a scope
   * @throws NullPointerException if a scope is {@code null}
   */
  public static AccessRule scopes(ScopeMatch match, List<String> scopes) {
    Objects.requireNonNull(match, "match");
    Set<String> unique = new LinkedHashSet<>(scopes);
    if (unique.isEmpty()) {
      throw new IllegalArgumentException("A scope rule needs at least one scope.");
    }
    if (unique.size() != scopes.size()) {
      throw new IllegalArgumentException("A scope rule lists the same scope twice.");
    }
    return new AccessRule(Kind.SCOPES, match, List.copyOf(unique), Map.of());
  }

  /**
   * A copy that also accepts a token granting any of {@code implying} where this rule names
   * {@code scope}: the scope hierarchy of a {@code @ScopeCatalogue} ({@code orders:admin}
   * implies {@code orders:read}).
   *
   * <p>With {@link ScopeMatch#ALL} each listed scope is satisfied by itself or by one of the
   * scopes implying it; with {@link ScopeMatch#ANY} one listed scope, so satisfied, is enough.
   * {@link #scopes()} stays the declared list, so a 403 challenge names the narrowest scope.
   *
   * @throws IllegalArgumentException if {@code scope} is not one of {@link #scopes()}
   */
  public AccessRule impliedBy(String scope, String... implying) {
    if (!scopes.contains(scope)) {
      throw new IllegalArgumentException("Scope \"" + scope + "\" is not one of the required scopes " + scopes + ".");
    }
    Map<String, List<String>> widened = new TreeMap<>(impliedBy);
    Set<String> merged = new LinkedHashSet<>(widened.getOrDefault(scope, List.of()));
    merged.addAll(List.of(implying));
    merged.remove(scope);
    widened.put(scope, List.copyOf(merged));
    return new AccessRule(kind, match, scopes, Collections.unmodifiableMap(widened));
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

  /**
   * For each required scope that other scopes imply, those scopes, sorted by required scope;
   * empty without a hierarchy.
   */
  public Map<String, List<String>> impliedBy() {
    return impliedBy;
  }

  /** Whether a token granting {@code granted} satisfies this rule. */
  public boolean isSatisfiedBy(Collection<String> granted) {
    if (kind != Kind.SCOPES) {
      return true;
    }
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

  /**
   * Whether this rule, without its scope hierarchy, is the one the annotations declare: the
   * same kind, match and scopes in any order.
   */
  public boolean declares(AccessRule other) {
    return kind == other.kind && match == other.match && Set.copyOf(scopes).equals(Set.copyOf(other.scopes));
  }

  /** The rule as a user writes it: {@code @RequiresScope("orders:read")}, {@code @Public}, ... */
  public String describe() {
    switch (kind) {
      case PUBLIC:
        return "@Public";
      case TOKEN:
        return "@RequiresToken";
      default:
        StringBuilder list = new StringBuilder();
        for (String scope : scopes) {
          list.append(list.length() == 0 ? "" : ", ").append('"').append(escape(scope)).append('"');
        }
        String value = scopes.size() == 1 ? list.toString() : "{" + list + "}";
        String annotation = match == ScopeMatch.ANY
            ? "@RequiresScope(value = " + value + ", match = ANY)" : "@RequiresScope(" + value + ")";
        return impliedBy.isEmpty() ? annotation : annotation + " (implied by " + impliedBy + ")";
    }
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccessRule other && kind == other.kind && match == other.match
        && scopes.equals(other.scopes) && impliedBy.equals(other.impliedBy);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, match, scopes, impliedBy);
  }

  @Override
  public String toString() {
    return describe();
  }
}
