package dev.portcullis.internal.http;

import java.util.List;

/**
 * Finds the bearer token of a request as RFC 6750 section 2.1 describes it: {@code
 * Authorization: Bearer <b64token>}, scheme case-insensitive, one or more spaces before the
 * token. Tokens in the URI query are refused because they end up in logs and browser
 * history (RFC 6750 section 2.3, RFC 9700 section 2.4.1).
 */
final class BearerExtractor {
  private static final String SCHEME = "bearer";
  private static final String DPOP_SCHEME = "dpop";
  private static final boolean[] B64TOKEN_CHARS = b64TokenChars();

  private BearerExtractor() {}

  /**
   * Classifies the credentials of one request.
   *
   * @param authorizationHeaders every {@code Authorization} header value, or {@code null}
   * @param queryHasAccessToken whether the query string has an {@code access_token}
   *     parameter
   */
  static BearerCredentials extract(List<String> authorizationHeaders, boolean queryHasAccessToken) {
    return extract(authorizationHeaders, queryHasAccessToken, false);
  }

  /**
   * Classifies the credentials of one request, also recognising {@code Authorization: DPoP
   * <token>} (RFC 9449 section 7.1, the same token syntax) when {@code dpop} is true.
   */
  static BearerCredentials extract(List<String> authorizationHeaders, boolean queryHasAccessToken, boolean dpop) {
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
    if (dpop) {
      String value = authorizationHeaders.get(0) == null ? "" : authorizationHeaders.get(0).strip();
      if (value.regionMatches(true, 0, DPOP_SCHEME, 0, DPOP_SCHEME.length())) {
        BearerCredentials parsed = parse(value, DPOP_SCHEME);
        return parsed instanceof BearerCredentials.Token token ? new BearerCredentials.DpopToken(token.value())
            : parsed;
      }
    }
    return parse(authorizationHeaders.get(0));
  }

  /** Parses one {@code Authorization} header value. */
  static BearerCredentials parse(String header) {
    return parse(header, SCHEME);
  }

  private static BearerCredentials parse(String header, String scheme) {
    if (header == null) {
      return new BearerCredentials.Missing();
    }
    // Surrounding optional whitespace belongs to the HTTP field, not to the credentials.
    String value = header.strip();
    if (value.length() < scheme.length() || !value.regionMatches(true, 0, scheme, 0, scheme.length())) {
      return new BearerCredentials.Missing();
    }
    if (value.length() == scheme.length()) {
      return new BearerCredentials.InvalidRequest(scheme.equals(DPOP_SCHEME)
          ? "The DPoP authorization has no token; send DPoP <token>."
          : "The Bearer authorization has no token; send Bearer <token>.");
    }
    if (value.charAt(scheme.length()) != ' ') {
      // "Bearerx", or a tab after the scheme: another scheme name or not credentials at all.
      return value.charAt(scheme.length()) == '\t'
          ? new BearerCredentials.Malformed("The access token is malformed.")
          : new BearerCredentials.Missing();
    }
    int start = scheme.length();
    while (start < value.length() && value.charAt(start) == ' ') {
      start++;
    }
    String token = value.substring(start);
    if (!isB64Token(token)) {
      return new BearerCredentials.Malformed("The access token is malformed.");
    }
    return new BearerCredentials.Token(token);
  }

  /**
   * Whether {@code token} is an RFC 6750 {@code b64token}: {@code 1*( ALPHA / DIGIT / "-" /
   * "." / "_" / "~" / "+" / "/" ) *"="}. A loop rather than a regular expression: this runs on
   * every protected request over 1-2 KB, where the regex costs microseconds.
   */
  static boolean isB64Token(String token) {
    int i = 0;
    int n = token.length();
    while (i < n && isB64TokenChar(token.charAt(i))) {
      i++;
    }
    if (i == 0) {
      return false;
    }
    while (i < n && token.charAt(i) == '=') {
      i++;
    }
    return i == n;
  }

  private static boolean isB64TokenChar(char c) {
    return c < B64TOKEN_CHARS.length && B64TOKEN_CHARS[c];
  }

  private static boolean[] b64TokenChars() {
    boolean[] allowed = new boolean[128];
    for (char c = 'a'; c <= 'z'; c++) {
      allowed[c] = true;
      allowed[Character.toUpperCase(c)] = true;
    }
    for (char c = '0'; c <= '9'; c++) {
      allowed[c] = true;
    }
    for (char c : "-._~+/".toCharArray()) {
      allowed[c] = true;
    }
    return allowed;
  }
}
