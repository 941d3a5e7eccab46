package dev.portcullis.internal;

import dev.portcullis.TokenPrincipal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The facts of a token whose signature and claims were verified. Immutable. */
public final class VerifiedToken implements TokenPrincipal {
  private final String subject;
  private final String clientId;
  private final String issuer;
  private final Set<String> scopes;
  private final Instant expiresAt;
  private final Map<String, Object> claims;

  VerifiedToken(String subject, String clientId, String issuer, Set<String> scopes, Instant expiresAt,
      Map<String, Object> claims) {
    this.subject = subject;
    this.clientId = clientId;
    this.issuer = issuer;
    this.scopes = Collections.unmodifiableSet(new LinkedHashSet<>(scopes));
    this.expiresAt = expiresAt;
    this.claims = freezeMap(claims);
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
  public Instant expiresAt() {
    return expiresAt;
  }

  @Override
  public Map<String, Object> claims() {
    return claims;
  }

  /** Names the principal without any token content beyond the subject and client. */
  @Override
  public String toString() {
    return "TokenPrincipal{subject=" + subject + ", clientId=" + clientId + ", issuer=" + issuer
        + ", scopes=" + scopes + ", expiresAt=" + expiresAt + "}";
  }

  private static Map<String, Object> freezeMap(Map<String, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(k, freeze(v)));
    return Collections.unmodifiableMap(copy);
  }

  @SuppressWarnings("unchecked")
  private static Object freeze(Object value) {
    if (value instanceof Map) {
      return freezeMap((Map<String, ?>) value);
    }
    if (value instanceof List) {
      List<Object> copy = new ArrayList<>();
      for (Object item : (List<?>) value) {
        copy.add(freeze(item));
      }
      return Collections.unmodifiableList(copy);
    }
    if (value instanceof Date) {
      return ((Date) value).toInstant();
    }
    return value;
  }
}
