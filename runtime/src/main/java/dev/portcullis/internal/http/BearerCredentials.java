package dev.portcullis.internal.http;

/**
 * What a request presented as its bearer credentials: nothing usable, one syntactically
 * valid token, a malformed token, or a request that breaks RFC 6750's rules.
 */
sealed interface BearerCredentials {

  /** No bearer token (no {@code Authorization} header, or another scheme such as Basic). */
  record Missing() implements BearerCredentials {}

  /** One token with RFC 6750 {@code b64token} syntax. Never print it. */
  record Token(String value) implements BearerCredentials {
    @Override
    public String toString() {
      return "Token[redacted]";
    }
  }

  /** One token sent as {@code Authorization: DPoP <token>} (RFC 9449 section 7.1). Never print it. */
  record DpopToken(String value) implements BearerCredentials {
    @Override
    public String toString() {
      return "DpopToken[redacted]";
    }
  }

  /** A {@code Bearer} header whose token is not a {@code b64token}: answered as invalid_token. */
  record Malformed(String description) implements BearerCredentials {}

  /** A request RFC 6750 calls malformed: answered 400 invalid_request. */
  record InvalidRequest(String description) implements BearerCredentials {}
}
