package dev.portcullis.internal.http;

import dev.portcullis.spi.AccessRule;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Judges a verified token's user authentication against the step-up a rule asks for (RFC 9470):
 * the {@code acr} claim must be one of the rule's values, and the {@code auth_time} claim (seconds
 * since the epoch) no older than the rule's max age plus the clock skew. A missing claim, or one of
 * the wrong type, falls short: a token that does not say how or when the user authenticated has
 * not shown the authentication the endpoint asks for. Pure: the time is passed in.
 */
final class UserAuthenticationCheck {
  /** Why a token falls short, with the fixed sentence a refusal carries. */
  enum Shortfall {
    ACR_MISSING("The token does not say how the user authenticated (no acr claim), and this endpoint requires"
        + " a particular authentication."),
    ACR_NOT_ACCEPTED("The user authenticated in a way this endpoint does not accept; authenticate with one of"
        + " the acr_values."),
    AUTH_TIME_MISSING("The token does not say when the user authenticated (no valid auth_time claim), and this"
        + " endpoint requires a recent authentication."),
    AUTH_TIME_TOO_OLD("The user authenticated too long ago for this endpoint; authenticate again within max_age"
        + " seconds.");

    final String description;

    Shortfall(String description) {
      this.description = description;
    }
  }

  private UserAuthenticationCheck() {}

  /**
   * What {@code claims} lack for {@code rule} at {@code now}, or empty when they meet it (always
   * when the rule asks for no step-up).
   */
  static Optional<Shortfall> shortfall(AccessRule rule, Map<String, Object> claims, Instant now, Duration skew) {
    if (!rule.acrValues().isEmpty()) {
      Object acr = claims.get("acr");
      if (!(acr instanceof String value)) {
        return Optional.of(Shortfall.ACR_MISSING);
      }
      if (!rule.acrValues().contains(value)) {
        return Optional.of(Shortfall.ACR_NOT_ACCEPTED);
      }
    }
    if (rule.maxAge().isPresent()) {
      Optional<Instant> authTime = authTime(claims.get("auth_time"));
      if (authTime.isEmpty() || authTime.get().isAfter(now.plus(skew))) {
        // A time in the future is no authentication the token can vouch for.
        return Optional.of(Shortfall.AUTH_TIME_MISSING);
      }
      Instant oldestAccepted = now.minusSeconds(rule.maxAge().getAsLong()).minus(skew);
      if (authTime.get().isBefore(oldestAccepted)) {
        return Optional.of(Shortfall.AUTH_TIME_TOO_OLD);
      }
    }
    return Optional.empty();
  }

  /** A NumericDate: a finite, non-negative number of seconds; anything else is malformed. */
  private static Optional<Instant> authTime(Object claim) {
    if (claim instanceof Instant instant) {
      return Optional.of(instant);
    }
    if (!(claim instanceof Number number)) {
      return Optional.empty();
    }
    double seconds = number.doubleValue();
    if (!Double.isFinite(seconds) || seconds < 0 || seconds > Instant.MAX.getEpochSecond()) {
      return Optional.empty();
    }
    return Optional.of(Instant.ofEpochMilli((long) Math.floor(seconds * 1000)));
  }
}
