package dev.portcullis;

import java.security.Principal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The verified access token behind a request, as {@code SecurityContext.getUserPrincipal()}
 * returns it on every method Portcullis protects.
 *
 * <pre>{@code
 * @GET @Path("me") @RequiresToken
 * public Me me(@Context SecurityContext security) {
 *   TokenPrincipal token = (TokenPrincipal) security.getUserPrincipal();
 *   return new Me(token.subject(), token.clientId(), token.scopes());
 * }
 * }</pre>
 *
 * <p>{@link #getName()} is the subject, or the client id for tokens without a subject
 * (client credentials). {@code toString()} names the subject, client, issuer, scopes and
 * expiry, never the token itself. Instances are immutable.
 */
public interface TokenPrincipal extends Principal {
  /** The {@code sub} claim, or {@code null}. */
  String subject();

  /** The {@code client_id} claim, else the {@code azp} claim, else {@code null}. */
  String clientId();

  /** The {@code iss} claim. */
  String issuer();

  /**
   * The granted scopes, which {@code @RequiresScope} checks: from {@code scope} and {@code scp},
   * or from the claims {@code scope-claims} names; unmodifiable.
   */
  Set<String> scopes();

  /**
   * The roles, which {@code SecurityContext.isUserInRole} answers: from the claims {@code
   * role-claims} names, by default the same as {@link #scopes()}; unmodifiable.
   */
  Set<String> roles();

  /** The {@code exp} claim. */
  Instant expiresAt();

  /**
   * All claims, unmodifiable (nested objects and arrays too). JSON objects are maps, arrays
   * are lists, {@code exp}, {@code nbf} and {@code iat} are {@link Instant}s.
   */
  Map<String, Object> claims();
}
