package dev.portcullis;

import java.time.Duration;
import java.util.Optional;

/**
 * An access token that {@link AccessTokenVerifier#verify} did not accept. The message is a
 * full sentence safe to send to the client as an {@code error_description}: it never contains
 * token text, claim values or key material. No stack trace is kept.
 */
public final class TokenVerificationException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Duration retryAfter;

  TokenVerificationException(String description, Duration retryAfter) {
    super(description, null, false, false);
    this.retryAfter = retryAfter;
  }

  /**
   * Empty when the token is not valid: an HTTP API answers {@code 401} with {@code
   * error="invalid_token"}. Present when the token could not be judged because the issuer's
   * keys are unavailable (not loaded yet, or a needed fetch failed): not a verdict on the
   * token, so an HTTP API answers {@code 503} with this {@code Retry-After}.
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
