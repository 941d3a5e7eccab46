package dev.portcullis.client;

import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * The API answered {@code 401} with an RFC 6750 {@code invalid_token} challenge, and the one
 * replay with a new token (for idempotent requests) was refused too, or the request could not
 * be replayed. The token is expired, revoked, meant for another audience, or signed with keys
 * the API does not trust. Still a {@link NotAuthorizedException}; {@link #getResponse()} is
 * the API's answer, its body buffered.
 */
public final class InvalidTokenException extends NotAuthorizedException {
  private static final long serialVersionUID = 1L;

  private final String errorDescription;

  InvalidTokenException(Response response, String errorDescription) {
    super("The API refused the call with 401 invalid_token"
        + (errorDescription == null ? "" : " (" + errorDescription + ")")
        + ": it does not accept the client's token. Check that the client's issuer and audience"
        + " (portcullis.client.<name>.issuer, audience) are the ones the API trusts.", response);
    this.errorDescription = errorDescription;
  }

  /** The RFC 6750 error code, {@code invalid_token}. */
  public String error() {
    return "invalid_token";
  }

  /** The challenge's {@code error_description}, if it has one. */
  public Optional<String> errorDescription() {
    return Optional.ofNullable(errorDescription);
  }
}
