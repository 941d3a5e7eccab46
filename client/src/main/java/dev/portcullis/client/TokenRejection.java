package dev.portcullis.client;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.token.BearerTokenError;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
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
 * returned to the caller; there is never a loop. Other 401 answers (no token, or a challenge
 * without {@code invalid_token}) and 403 {@code insufficient_scope} are not helped by a new
 * token of the same client and are not replayed.
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
  private TokenRejection() {}

  /**
   * Whether {@code status} is 401 and one of the {@code WWW-Authenticate} headers is a Bearer
   * challenge with {@code error="invalid_token"} (RFC 6750 section 3.1). Unparseable headers
   * count as no.
   *
   * @param wwwAuthenticate the header values; may be null or empty
   */
  /**
   * The typed exception for an answer whose Bearer challenge says why it refused the call:
   * {@link InsufficientScopeException} for {@code 403 insufficient_scope}, {@link
   * InvalidTokenException} for {@code 401 invalid_token}; empty for any other answer.
   * Challenge text is public: nothing secret reaches the exception's message.
   */
  public static Optional<WebApplicationException> typed(Response response) {
    int status = response.getStatus();
    if (status != 401 && status != 403) {
      return Optional.empty();
    }
    for (String challenge : bearerChallenges(response.getStringHeaders().get(HttpHeaders.WWW_AUTHENTICATE))) {
      BearerTokenError error;
      try {
        error = BearerTokenError.parse(challenge);
      } catch (ParseException malformed) {
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
    }
    return Optional.empty();
  }

  private static List<String> bearerChallenges(List<String> wwwAuthenticate) {
    if (wwwAuthenticate == null) {
      return List.of();
    }
    return wwwAuthenticate.stream()
        .filter(challenge -> challenge != null && challenge.strip().toLowerCase(Locale.ROOT).startsWith("bearer"))
        .toList();
  }

  public static boolean isInvalidToken(int status, List<String> wwwAuthenticate) {
    if (status != 401) {
      return false;
    }
    for (String challenge : bearerChallenges(wwwAuthenticate)) {
      try {
        BearerTokenError error = BearerTokenError.parse(challenge);
        if (BearerTokenError.INVALID_TOKEN.getCode().equals(error.getCode())) {
          return true;
        }
      } catch (ParseException ignored) {
        // A malformed challenge is not a reason to replay.
      }
    }
    return false;
  }
}
