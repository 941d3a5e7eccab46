package dev.portcullis.client;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.token.BearerTokenError;
import com.nimbusds.oauth2.sdk.token.DPoPTokenError;
import com.nimbusds.oauth2.sdk.token.TokenSchemeError;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether an API answer rejected the access token itself, which is the one case where
 * a client should get a new token and try again.
 *
 * <p>The rule the generated clients follow, and other callers should too: when {@link
 * #isInvalidToken} is true for the answer to an idempotent request, call {@link
 * TokenSource#invalidate(AccessToken)} with the token that was sent (see {@link
 * BearerTokenFilter#TOKEN_PROPERTY}), then replay the request once. A second rejection is
 * returned to the caller; there is never a loop. Other 401 answers (no token, a challenge
 * without {@code invalid_token}, RFC 9470 {@code insufficient_user_authentication}) and 403 {@code
 * insufficient_scope} are not helped by a new token of the same client and are not replayed.
 *
 * <pre>{@code
 * Response response = target.request().get();
 * if (TokenRejection.isInvalidToken(response.getStatus(),
 *     response.getStringHeaders().get(HttpHeaders.WWW_AUTHENTICATE))) {
 *   tokens.invalidate(sentToken);
 *   response = target.request().get();   // the filter attaches a fresh token
 * }
 * }</pre>
 */
public final class TokenRejection {
  private static final String INSUFFICIENT_USER_AUTHENTICATION = "insufficient_user_authentication";

  private TokenRejection() {}

  /**
   * The typed exception for an answer whose Bearer or DPoP challenge says why it refused the call:
   * {@link InsufficientScopeException} for {@code 403 insufficient_scope}, {@link
   * InvalidTokenException} for {@code 401 invalid_token}, {@link
   * InsufficientUserAuthenticationException} for {@code 401 insufficient_user_authentication} (RFC
   * 9470); empty for any other answer.
   * Challenge text is public: nothing secret reaches the exception's message.
   */
  public static Optional<WebApplicationException> typed(Response response) {
    int status = response.getStatus();
    if (status != 401 && status != 403) {
      return Optional.empty();
    }
    for (String challenge : tokenChallenges(response.getStringHeaders().get(HttpHeaders.WWW_AUTHENTICATE))) {
      TokenSchemeError error = parse(challenge);
      if (error == null) {
        continue;
      }
      String code = error.getCode();
      if (status == 403 && BearerTokenError.INSUFFICIENT_SCOPE.getCode().equals(code)) {
        Set<String> scopes = error.getScope() == null ? Set.of() : Set.copyOf(error.getScope().toStringList());
        return Optional.of(new InsufficientScopeException(response, scopes, error.getDescription()));
      }
      if (status == 401 && BearerTokenError.INVALID_TOKEN.getCode().equals(code)) {
        return Optional.of(new InvalidTokenException(response, error.getDescription()));
      }
      if (status == 401 && INSUFFICIENT_USER_AUTHENTICATION.equals(code)) {
        return Optional.of(insufficientUserAuthentication(response, challenge, error.getDescription()));
      }
    }
    return Optional.empty();
  }

  /**
   * The RFC 9470 refusal with the challenge's {@code acr_values} (space-separated) and {@code
   * max_age} (seconds), which the OAuth 2.0 SDK does not parse; a malformed {@code max_age} is left
   * out.
   */
  private static InsufficientUserAuthenticationException insufficientUserAuthentication(
      Response response, String challenge, String description) {
    Map<String, String> parameters = ChallengeParameters.of(challenge);
    String acr = parameters.getOrDefault("acr_values", "").strip();
    List<String> acrValues = acr.isEmpty() ? List.of() : List.of(acr.split("\\s+"));
    long maxAge = -1;
    String age = parameters.get("max_age");
    if (age != null && age.matches("[0-9]{1,18}")) {
      maxAge = Long.parseLong(age);
    }
    return new InsufficientUserAuthenticationException(response, acrValues, maxAge, description);
  }

  /** The {@code Bearer} (RFC 6750) and {@code DPoP} (RFC 9449 section 7.1) challenges. */
  private static List<String> tokenChallenges(List<String> wwwAuthenticate) {
    if (wwwAuthenticate == null) {
      return List.of();
    }
    return wwwAuthenticate.stream()
        .filter(challenge -> challenge != null && (isScheme(challenge, "bearer") || isScheme(challenge, "dpop")))
        .toList();
  }

  private static boolean isScheme(String challenge, String scheme) {
    String text = challenge.strip().toLowerCase(Locale.ROOT);
    return text.startsWith(scheme) && (text.length() == scheme.length() || text.charAt(scheme.length()) == ' ');
  }

  /** The challenge's error, or null when it is malformed. */
  private static TokenSchemeError parse(String challenge) {
    try {
      return isScheme(challenge, "dpop") ? DPoPTokenError.parse(challenge) : BearerTokenError.parse(challenge);
    } catch (ParseException | IllegalArgumentException malformed) {
      return null; // The SDK refuses some malformed values (a '"' in error_description) with the latter.
    }
  }

  /**
   * Whether {@code status} is 401 and one of the {@code WWW-Authenticate} headers is a Bearer
   * (RFC 6750 section 3.1) or DPoP (RFC 9449 section 7.1) challenge with {@code
   * error="invalid_token"}. Unparseable headers count as no.
   *
   * @param wwwAuthenticate the header values; may be null or empty
   */
  public static boolean isInvalidToken(int status, List<String> wwwAuthenticate) {
    if (status != 401) {
      return false;
    }
    for (String challenge : tokenChallenges(wwwAuthenticate)) {
      TokenSchemeError error = parse(challenge);  // a malformed challenge is not a reason to replay
      if (error != null && BearerTokenError.INVALID_TOKEN.getCode().equals(error.getCode())) {
        return true;
      }
    }
    return false;
  }
}
