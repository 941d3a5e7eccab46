package dev.portcullis.internal.verification;

import java.time.Duration;

/**
 * The token could not be judged because the issuer's signing keys are not at hand (not loaded
 * yet, or a needed fetch failed), or its introspection endpoint gave no usable answer. Not a verdict on the token, so it is answered 503 with {@code
 * Retry-After}, not 401. The message is a fixed sentence for the answer; no stack trace is
 * kept.
 */
public final class KeysUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  static final String DESCRIPTION =
      "The token could not be verified because the authorization server's keys are unavailable.";

  private final transient Duration retryAfter;

  static final String INTROSPECTION_DESCRIPTION =
      "The token could not be verified because the authorization server's introspection endpoint is unavailable.";

  KeysUnavailableException(Duration retryAfter) {
    this(DESCRIPTION, retryAfter);
  }

  KeysUnavailableException(String description, Duration retryAfter) {
    super(description, null, false, false);
    this.retryAfter = retryAfter;
  }

  /** When to try again; at least a second. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
