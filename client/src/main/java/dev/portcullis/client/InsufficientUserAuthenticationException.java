package dev.portcullis.client;

import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The API answered {@code 401} with an RFC 9470 {@code insufficient_user_authentication}
 * challenge: the token is valid, but the user behind it did not authenticate the way the endpoint
 * requires ({@link #acrValues()}), or not recently enough ({@link #maxAge()}). A new token from the
 * same grant would not help, so the call is never replayed: the user has to authenticate again at
 * the authorization server, in an authorization request that carries these {@code acr_values} and
 * {@code max_age}, and the call be made with the token that results. Still a {@link
 * NotAuthorizedException}, so JAX-RS code that catches that keeps working; {@link #getResponse()}
 * is the API's answer, its body buffered.
 */
public final class InsufficientUserAuthenticationException extends NotAuthorizedException {
  private static final long serialVersionUID = 1L;

  private final transient List<String> acrValues;
  private final long maxAge;
  private final String errorDescription;

  InsufficientUserAuthenticationException(
      Response response, List<String> acrValues, long maxAge, String errorDescription) {
    super(message(acrValues, maxAge), response);
    this.acrValues = List.copyOf(acrValues);
    this.maxAge = maxAge;
    this.errorDescription = errorDescription;
  }

  private static String message(List<String> acrValues, long maxAge) {
    String needs = (acrValues.isEmpty() ? "" : " with one of acr_values \"" + String.join(" ", acrValues) + "\"")
        + (maxAge < 0 ? "" : (acrValues.isEmpty() ? "" : " and") + " within max_age " + maxAge + " seconds");
    return "The API refused the call with 401 insufficient_user_authentication: the user behind the token"
        + " must authenticate" + (needs.isEmpty() ? " differently or more recently" : needs)
        + " (RFC 9470). Have the user sign in again at the authorization server with those acr_values and"
        + " max_age in the authorization request, and call with the new token.";
  }

  /** The RFC 9470 error code, {@code insufficient_user_authentication}. */
  public String error() {
    return "insufficient_user_authentication";
  }

  /**
   * The authentication context class references the challenge's {@code acr_values} parameter
   * names, of which the user's authentication must be one; empty when it names none.
   */
  public List<String> acrValues() {
    return acrValues;
  }

  /**
   * The challenge's {@code max_age}: the most seconds since the user's authentication the endpoint
   * accepts; empty when it names none.
   */
  public OptionalLong maxAge() {
    return maxAge < 0 ? OptionalLong.empty() : OptionalLong.of(maxAge);
  }

  /** The challenge's {@code error_description}, if it has one. */
  public Optional<String> errorDescription() {
    return Optional.ofNullable(errorDescription);
  }
}
