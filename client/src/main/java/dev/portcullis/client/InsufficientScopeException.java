package dev.portcullis.client;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.Set;

/**
 * The API answered {@code 403} with an RFC 6750 {@code insufficient_scope} challenge: the
 * token the client sent does not grant a scope the endpoint requires. A new token of the same
 * client would not help; the client must be allowed, and ask for, the scopes in {@link
 * #requiredScopes()}. Still a {@link ForbiddenException}, so JAX-RS code that catches that
 * keeps working; {@link #getResponse()} is the API's answer, its body buffered.
 */
public final class InsufficientScopeException extends ForbiddenException {
  private static final long serialVersionUID = 1L;

  private final transient Set<String> requiredScopes;
  private final String errorDescription;

  InsufficientScopeException(Response response, Set<String> requiredScopes, String errorDescription) {
    super(message(requiredScopes), response);
    this.requiredScopes = Set.copyOf(requiredScopes);
    this.errorDescription = errorDescription;
  }

  private static String message(Set<String> scopes) {
    return "The API refused the call with 403 insufficient_scope: the token does not grant "
        + (scopes.isEmpty() ? "a scope the endpoint requires (the challenge names none)"
            : "the scope the endpoint requires (" + String.join(" ", new java.util.TreeSet<>(scopes)) + ")")
        + ". Add it to the client's scopes (@OAuthClient scopes or portcullis.client.<name>.scopes)"
        + " and allow the client to request it at the authorization server.";
  }

  /** The RFC 6750 error code, {@code insufficient_scope}. */
  public String error() {
    return "insufficient_scope";
  }

  /** The scopes the challenge's {@code scope} parameter names; empty when it names none. */
  public Set<String> requiredScopes() {
    return requiredScopes;
  }

  /** The challenge's {@code error_description}, if it has one. */
  public Optional<String> errorDescription() {
    return Optional.ofNullable(errorDescription);
  }
}
