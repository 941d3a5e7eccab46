package dev.portcullis.spi;

import dev.portcullis.Dpop;
import dev.portcullis.ScopeMatch;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
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
 * <p>A rule that needs a token may also ask for step-up authentication (RFC 9470): {@link
 * #requiringAcr acr values} and a {@link #requiringMaxAge maximum age} of the user's
 * authentication, from {@code @RequiresScope(acr = ..., maxAge = ...)}:
 *
 * <pre>{@code
 * static final AccessRule DELETE = AccessRule.allOf("orders:admin").requiringAcr("mfa", "phr").requiringMaxAge(300);
 * }</pre>
 *
 * <p>It may also ask for DPoP-bound tokens (RFC 9449) beyond the API-wide setting, from {@code
 * @RequiresScope(dpop = ...)}:
 *
 * <pre>{@code
 * static final AccessRule PAY = AccessRule.allOf("payments:write").requiringDpop(Dpop.REQUIRED);
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

  private static final long NO_MAX_AGE = -1;
  private static final AccessRule PUBLIC =
      new AccessRule(Kind.PUBLIC, ScopeMatch.ALL, List.of(), Map.of(), List.of(), NO_MAX_AGE, Dpop.AS_CONFIGURED);
  private static final AccessRule TOKEN =
      new AccessRule(Kind.TOKEN, ScopeMatch.ALL, List.of(), Map.of(), List.of(), NO_MAX_AGE, Dpop.AS_CONFIGURED);

  private final Kind kind;
  private final ScopeMatch match;
  private final List<String> scopes;
  private final Map<String, List<String>> impliedBy;
  private final List<String> acrValues;
  private final long maxAge;
  private final Dpop dpop;

  private AccessRule(Kind kind, ScopeMatch match, List<String> scopes, Map<String, List<String>> impliedBy,
      List<String> acrValues, long maxAge, Dpop dpop) {
    this.kind = kind;
    this.match = match;
    this.scopes = scopes;
    this.impliedBy = impliedBy;
    this.acrValues = acrValues;
    this.maxAge = maxAge;
    this.dpop = dpop;
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
    return new AccessRule(Kind.SCOPES, match, List.copyOf(unique), Map.of(), List.of(), NO_MAX_AGE, Dpop.AS_CONFIGURED);
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
    return new AccessRule(kind, match, scopes, Collections.unmodifiableMap(widened), acrValues, maxAge, dpop);
  }

  /**
   * A copy that also requires the token's {@code acr} claim to be one of {@code acrValues}
   * (RFC 9470): {@code @RequiresScope(acr = {...})}.
   *
   * @throws IllegalArgumentException if {@code acrValues} is empty, repeats a value, or holds an
   *     empty value or one with a character other than printable ASCII without space, {@code "}
   *     and {@code \}
   * @throws IllegalStateException if this rule is {@link Kind#PUBLIC}: no token, no step-up
   * @throws NullPointerException if a value is {@code null}
   */
  public AccessRule requiringAcr(String... acrValues) {
    requireToken();
    Set<String> unique = new LinkedHashSet<>(List.of(acrValues));
    if (unique.isEmpty() || unique.size() != acrValues.length) {
      throw new IllegalArgumentException("A step-up rule needs at least one acr value and lists each once.");
    }
    for (String value : unique) {
      if (!isHeaderToken(value)) {
        throw new IllegalArgumentException("An acr value must be printable ASCII without space, '\"' or '\\'.");
      }
    }
    return new AccessRule(kind, match, scopes, impliedBy, List.copyOf(unique), maxAge, dpop);
  }

  /**
   * A copy that also requires the user to have authenticated at most {@code seconds} ago,
   * according to the token's {@code auth_time} claim (RFC 9470): {@code @RequiresScope(maxAge =
   * ...)}. The configured clock skew is added when the rule is applied.
   *
   * @throws IllegalArgumentException if {@code seconds} is not positive
   * @throws IllegalStateException if this rule is {@link Kind#PUBLIC}: no token, no step-up
   */
  public AccessRule requiringMaxAge(long seconds) {
    requireToken();
    if (seconds <= 0) {
      throw new IllegalArgumentException("A step-up rule's max age must be a positive number of seconds.");
    }
    return new AccessRule(kind, match, scopes, impliedBy, acrValues, seconds, dpop);
  }

  /**
   * A copy that asks for DPoP-bound tokens (RFC 9449) as {@code dpop} says: {@code
   * @RequiresScope(dpop = ...)}. The stricter of this and the API-wide setting applies.
   *
   * @throws IllegalStateException if this rule is {@link Kind#PUBLIC}: no token, no DPoP
   * @throws NullPointerException if {@code dpop} is {@code null}
   */
  public AccessRule requiringDpop(Dpop dpop) {
    Objects.requireNonNull(dpop, "dpop");
    if (kind == Kind.PUBLIC) {
      throw new IllegalStateException("A public rule checks no token, so it cannot require DPoP.");
    }
    return new AccessRule(kind, match, scopes, impliedBy, acrValues, maxAge, dpop);
  }

  private void requireToken() {
    if (kind == Kind.PUBLIC) {
      throw new IllegalStateException("A public rule checks no token, so it cannot require step-up authentication.");
    }
  }

  private static boolean isHeaderToken(String value) {
    if (value.isEmpty()) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= 0x20 || c >= 0x7f || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
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

  /**
   * The {@code acr} values of which the token's {@code acr} claim must be one, in declaration
   * order; empty when any will do.
   */
  public List<String> acrValues() {
    return acrValues;
  }

  /**
   * The most seconds since the user's authentication ({@code auth_time}), or empty for no limit.
   */
  public OptionalLong maxAge() {
    return maxAge == NO_MAX_AGE ? OptionalLong.empty() : OptionalLong.of(maxAge);
  }

  /** What this rule asks of DPoP; {@link Dpop#AS_CONFIGURED} unless {@link #requiringDpop} said otherwise. */
  public Dpop dpop() {
    return dpop;
  }

  /** Whether this rule asks for step-up authentication: {@code acr} values or a max age. */
  public boolean requiresUserAuthentication() {
    return !acrValues.isEmpty() || maxAge != NO_MAX_AGE;
  }

  /** Whether a token granting {@code granted} satisfies this rule's scopes. */
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
   * same kind, match and scopes in any order, the same step-up: {@code acr} values in any
   * order and max age, and the same {@link #dpop()}.
   */
  public boolean declares(AccessRule other) {
    return kind == other.kind && match == other.match && Set.copyOf(scopes).equals(Set.copyOf(other.scopes))
        && Set.copyOf(acrValues).equals(Set.copyOf(other.acrValues)) && maxAge == other.maxAge
        && dpop == other.dpop;
  }

  /**
   * The rule as a user writes it: {@code @RequiresScope("orders:read")}, {@code @Public},
   * {@code @RequiresToken(acr = "mfa", maxAge = 300)}, {@code @RequiresToken(dpop = REQUIRED)}, ...
   */
  public String describe() {
    String stepUp = (acrValues.isEmpty() ? "" : ", acr = " + list(acrValues))
        + (maxAge == NO_MAX_AGE ? "" : ", maxAge = " + maxAge)
        + (dpop == Dpop.AS_CONFIGURED ? "" : ", dpop = " + dpop);
    switch (kind) {
      case PUBLIC:
        return "@Public";
      case TOKEN:
        return stepUp.isEmpty() ? "@RequiresToken" : "@RequiresToken(" + stepUp.substring(2) + ")";
      default:
        String value = list(scopes);
        String annotation = match == ScopeMatch.ANY || !stepUp.isEmpty()
            ? "@RequiresScope(value = " + value + (match == ScopeMatch.ANY ? ", match = ANY" : "") + stepUp + ")"
            : "@RequiresScope(" + value + ")";
        return impliedBy.isEmpty() ? annotation : annotation + " (implied by " + impliedBy + ")";
    }
  }

  private static String list(List<String> values) {
    StringBuilder list = new StringBuilder();
    for (String value : values) {
      list.append(list.length() == 0 ? "" : ", ").append('"').append(escape(value)).append('"');
    }
    return values.size() == 1 ? list.toString() : "{" + list + "}";
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccessRule other && kind == other.kind && match == other.match
        && scopes.equals(other.scopes) && impliedBy.equals(other.impliedBy)
        && acrValues.equals(other.acrValues) && maxAge == other.maxAge && dpop == other.dpop;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, match, scopes, impliedBy, acrValues, maxAge, dpop);
  }

  @Override
  public String toString() {
    return describe();
  }
}
