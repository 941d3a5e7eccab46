package dev.portcullis.internal.verification;

import dev.portcullis.TokenPrincipal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The facts of a token whose signature and claims were verified. Immutable and shared: the
 * token cache hands the same instance to every request that presents the same token.
 *
 * <p>The full claims map is frozen (deep-copied into unmodifiable collections) on first
 * use of {@link #claims()}, not per verification: most requests only need the subject and
 * scopes, and copying every claim of a 1-2 KB token is wasted work for them.
 */
public final class VerifiedToken implements TokenPrincipal {
  private final String subject;
  private final String clientId;
  private final String issuer;
  private final Set<String> scopes;
  private final Set<String> roles;
  private final Instant expiresAt;
  private final long notBeforeMillis;
  private final Map<String, Object> rawClaims;
  private volatile Map<String, Object> frozenClaims;

  /**
   * @param scopes owned by the new instance from now on
   * @param roles owned by the new instance from now on; may be {@code scopes} itself
   * @param expiresAtMillis {@code exp} in epoch milliseconds
   * @param notBeforeMillis {@code nbf} in epoch milliseconds, or {@link ClaimsReader#NO_DATE}
   * @param rawClaims the verified claims as parsed, owned by the new instance from now on and
   *     never changed; frozen into an unmodifiable copy on demand
   */
  VerifiedToken(String subject, String clientId, String issuer, Set<String> scopes, Set<String> roles,
      long expiresAtMillis, long notBeforeMillis, Map<String, Object> rawClaims) {
    this.subject = subject;
    this.clientId = clientId;
    this.issuer = issuer;
    this.scopes = Collections.unmodifiableSet(scopes);
    this.roles = roles == scopes ? this.scopes : Collections.unmodifiableSet(roles);
    this.expiresAt = Instant.ofEpochMilli(expiresAtMillis);
    this.notBeforeMillis = notBeforeMillis;
    this.rawClaims = rawClaims;
  }

  /**
   * The {@code cnf.jkt} of a DPoP-bound token (RFC 9449 section 6.1): the base64url SHA-256
   * thumbprint of the key its proofs must be signed with; {@code null} when the token is not
   * DPoP-bound, an empty string when its {@code jkt} is not a string (so that it matches no key).
   * Read from the claims as verified, without freezing them.
   */
  public String dpopThumbprint() {
    if (rawClaims.get("cnf") instanceof Map<?, ?> confirmation && confirmation.containsKey("jkt")) {
      return confirmation.get("jkt") instanceof String jkt ? jkt : "";
    }
    return null;
  }

  /**
   * The {@code cnf.x5t#S256} of a certificate-bound token (RFC 8705 section 3.1): the base64url
   * SHA-256 thumbprint of the DER client certificate the token may only be used with; {@code null}
   * when the token is not certificate-bound, an empty string when the value is not a string (so
   * that it matches no certificate). Read from the claims as verified, without freezing them.
   */
  public String certificateThumbprint() {
    if (rawClaims.get("cnf") instanceof Map<?, ?> confirmation && confirmation.containsKey("x5t#S256")) {
      return confirmation.get("x5t#S256") instanceof String x5t ? x5t : "";
    }
    return null;
  }

  @Override
  public String getName() {
    return subject != null ? subject : clientId;
  }

  @Override
  public String subject() {
    return subject;
  }

  @Override
  public String clientId() {
    return clientId;
  }

  @Override
  public String issuer() {
    return issuer;
  }

  @Override
  public Set<String> scopes() {
    return scopes;
  }

  @Override
  public Set<String> roles() {
    return roles;
  }

  @Override
  public Instant expiresAt() {
    return expiresAt;
  }

  @Override
  public Map<String, Object> claims() {
    Map<String, Object> claims = frozenClaims;
    if (claims == null) {
      claims = freezeMap(rawClaims, true); // a race only computes the same copy twice
      frozenClaims = claims;
    }
    return claims;
  }

  /** {@code nbf} in epoch milliseconds; far in the past when the token has none. */
  long notBeforeMillis() {
    return notBeforeMillis;
  }

  /** Names the principal without any token content beyond the subject and client. */
  @Override
  public String toString() {
    return "TokenPrincipal{subject=" + subject + ", clientId=" + clientId + ", issuer=" + issuer
        + ", scopes=" + scopes + ", expiresAt=" + expiresAt + "}";
  }

  /**
   * {@code map} deep-copied into unmodifiable collections; when it is the token's {@code
   * claims}, its NumericDate claims become {@link Instant}s.
   */
  private static Map<String, Object> freezeMap(Map<String, ?> map, boolean claims) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((name, value) -> copy.put(name, claims && isDateClaim(name, value)
        ? Instant.ofEpochMilli(ClaimsReader.epochMillis((Number) value)) : freeze(value)));
    return Collections.unmodifiableMap(copy);
  }

  private static boolean isDateClaim(String name, Object value) {
    return value instanceof Number && (name.equals("exp") || name.equals("nbf") || name.equals("iat"));
  }

  @SuppressWarnings("unchecked")
  private static Object freeze(Object value) {
    if (value instanceof Map) {
      return freezeMap((Map<String, ?>) value, false);
    }
    if (value instanceof List) {
      List<Object> copy = new ArrayList<>();
      for (Object item : (List<?>) value) {
        copy.add(freeze(item));
      }
      return Collections.unmodifiableList(copy);
    }
    return value;
  }
}
