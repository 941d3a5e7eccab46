package dev.portcullis.internal.verification;

/**
 * Why a token was not accepted. The message is a fixed sentence suitable for the {@code
 * error_description} of a 401 answer: it never contains token text, claim values or key
 * material. No stack trace is kept; the cause, if any, is only for debugging.
 */
public final class TokenRejectedException extends Exception {
  private static final long serialVersionUID = 1L;

  static final String UNKNOWN_KEY_NOT_REFETCHED = "The token is signed with a key that is not in the"
      + " authorization server's key set, which was fetched again moments ago.";

  TokenRejectedException(String description) {
    super(description, null, false, false);
  }
}
