package dev.portcullis.client;

/**
 * No access token could be obtained: the token endpoint or discovery document was unreachable,
 * timed out, kept answering 5xx after the bounded retries, or answered something that is not a
 * token response. The message says which, and what to check; it never contains a token or a
 * secret.
 *
 * <p>The subclass {@link TokenRequestException} is thrown instead when the authorization server
 * refused the request with an RFC 6749 section 5.2 error.
 */
public class TokenAcquisitionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message that says what failed and how to fix it. */
  public TokenAcquisitionException(String message) {
    super(message);
  }

  /** An exception with a message and the underlying I/O or parse failure. */
  public TokenAcquisitionException(String message, Throwable cause) {
    super(message, cause);
  }
}
