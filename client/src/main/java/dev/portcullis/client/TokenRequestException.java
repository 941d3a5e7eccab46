package dev.portcullis.client;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The authorization server refused a token request with an RFC 6749 section 5.2 error response,
 * such as {@code invalid_client} (wrong client id, secret or key) or {@code invalid_grant}
 * (expired authorization code or refresh token). These are not retried: the same request would
 * fail the same way.
 *
 * <pre>{@code
 * try {
 *   tokens.token();
 * } catch (TokenRequestException e) {
 *   if ("invalid_client".equals(e.error())) { alertOperators(e.getMessage()); }
 * }
 * }</pre>
 */
public final class TokenRequestException extends TokenAcquisitionException {
  private static final long serialVersionUID = 1L;

  private static final Map<String, String> FIXES = Map.of(
      "invalid_request", "Check the grant parameters and that the token endpoint URL is right.",
      "invalid_client", "Check the client id and its secret or key, and that the client"
          + " authentication method is the one registered for this client.",
      "invalid_grant", "The authorization code, refresh token or assertion is invalid, expired"
          + " or was issued to another client; obtain a new one.",
      "unauthorized_client", "Either the client may not use this grant type (allow it for the"
          + " client at the authorization server), or the client authentication failed: some"
          + " servers, Keycloak among them, answer a wrong client secret with this error too,"
          + " so check the client id and its secret or key as well.",
      "unsupported_grant_type", "Use a grant type the authorization server supports.",
      "invalid_scope", "Request only scopes that exist and that the client may request.");

  private final URI tokenEndpoint;
  private final String error;
  private final String errorDescription;
  private final URI errorUri;
  private final int httpStatus;

  TokenRequestException(URI tokenEndpoint, String error, String errorDescription, URI errorUri,
      int httpStatus) {
    this(tokenEndpoint, error, errorDescription, errorUri, httpStatus,
        FIXES.getOrDefault(error, "See the authorization server's documentation of this error."));
  }

  private TokenRequestException(URI tokenEndpoint, String error, String errorDescription,
      URI errorUri, int httpStatus, String fix) {
    super(message(tokenEndpoint, error, errorDescription, httpStatus, fix));
    this.tokenEndpoint = tokenEndpoint;
    this.error = error;
    this.errorDescription = errorDescription;
    this.errorUri = errorUri;
    this.httpStatus = httpStatus;
  }

  /** The same refusal, with {@code fix} as the advice where the request's purpose tells more. */
  TokenRequestException withFix(String fix) {
    TokenRequestException refined = new TokenRequestException(tokenEndpoint, error,
        errorDescription, errorUri, httpStatus, fix);
    refined.setStackTrace(getStackTrace());
    return refined;
  }

  private static String message(URI endpoint, String error, String description, int status,
      String fix) {
    StringBuilder text = new StringBuilder("The token endpoint ").append(endpoint)
        .append(" refused the request with error \"").append(error).append("\" (HTTP ")
        .append(status).append(')');
    if (description != null && !description.isBlank()) {
      text.append(": ").append(description.strip());
    }
    text.append(text.charAt(text.length() - 1) == '.' ? " " : ". ");
    return text.append(fix).toString();
  }

  /** The {@code error} code, for example {@code invalid_client}. */
  public String error() {
    return error;
  }

  /** The {@code error_description}, if the authorization server sent one. */
  public Optional<String> errorDescription() {
    return Optional.ofNullable(errorDescription);
  }

  /** The {@code error_uri}, if the authorization server sent one. */
  public Optional<URI> errorUri() {
    return Optional.ofNullable(errorUri);
  }

  /** The HTTP status of the error response, usually 400, or 401 for {@code invalid_client}. */
  public int httpStatus() {
    return httpStatus;
  }
}
