package dev.portcullis;

import java.security.Principal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The verified token behind a request, as {@code SecurityContext.getUserPrincipal()}. SKELETON.
 */
public interface TokenPrincipal extends Principal {
  /** The {@code sub} claim, or {@code null}. */
  String subject();
  /** The {@code client_id} (or {@code azp}) claim, or {@code null}. */
  String clientId();
  /** The {@code iss} claim. */
  String issuer();
  /** The granted scopes. */
  Set<String> scopes();
  /** The {@code exp} claim. */
  Instant expiresAt();
  /** All claims, unmodifiable. */
  Map<String, Object> claims();
}
