package dev.portcullis.client;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.token.BearerTokenError;
import java.util.List;
import java.util.Locale;

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
  public static boolean isInvalidToken(int status, List<String> wwwAuthenticate) {
    if (status != 401 || wwwAuthenticate == null) {
      return false;
    }
    for (String challenge : wwwAuthenticate) {
      if (challenge == null
          || !challenge.strip().toLowerCase(Locale.ROOT).startsWith("bearer")) {
        continue;
      }
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
