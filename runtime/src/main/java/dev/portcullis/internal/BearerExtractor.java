package dev.portcullis.internal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the bearer token of a request as RFC 6750 section 2.1 describes it: {@code
 * Authorization: Bearer <b64token>}, scheme case-insensitive, one or more spaces before the
 * token. Tokens in the URI query are refused because they end up in logs and browser
 * history (RFC 6750 section 2.3, RFC 9700 section 2.4.1).
 */
public final class BearerExtractor {
  private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
  private static final String SCHEME = "bearer";

  private BearerExtractor() {}

  /**
   * Classifies the credentials of one request.
   *
   * @param authorizationHeaders every {@code Authorization} header value, or {@code null}
   * @param queryHasAccessToken whether the query string has an {@code access_token}
   *     parameter
   */
  public static BearerCredentials extract(List<String> authorizationHeaders, boolean queryHasAccessToken) {
    if (queryHasAccessToken) {
      return new BearerCredentials.InvalidRequest(
          "Access tokens are not accepted in the query string; send the token in the Authorization header.");
    }
    if (authorizationHeaders == null || authorizationHeaders.isEmpty()) {
      return new BearerCredentials.Missing();
    }
    if (authorizationHeaders.size() > 1) {
      return new BearerCredentials.InvalidRequest(
          "The request has more than one Authorization header; send exactly one.");
    }
    return parse(authorizationHeaders.get(0));
  }

  /** Parses one {@code Authorization} header value. */
  static BearerCredentials parse(String header) {
    if (header == null) {
      return new BearerCredentials.Missing();
    }
    // Surrounding optional whitespace belongs to the HTTP field, not to the credentials.
    String value = header.strip();
    if (value.length() < SCHEME.length() || !value.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return new BearerCredentials.Missing();
    }
    if (value.length() == SCHEME.length()) {
      return new BearerCredentials.InvalidRequest("The Bearer authorization has no token; send Bearer <token>.");
    }
    if (value.charAt(SCHEME.length()) != ' ') {
      // "Bearerx", or a tab after the scheme: another scheme name or not credentials at all.
      return value.charAt(SCHEME.length()) == '\t'
          ? new BearerCredentials.Malformed("The access token is malformed.")
          : new BearerCredentials.Missing();
    }
    int start = SCHEME.length();
    while (start < value.length() && value.charAt(start) == ' ') {
      start++;
    }
    String token = value.substring(start);
    if (!B64TOKEN.matcher(token).matches()) {
      return new BearerCredentials.Malformed("The access token is malformed.");
    }
    return new BearerCredentials.Token(token);
  }
}
