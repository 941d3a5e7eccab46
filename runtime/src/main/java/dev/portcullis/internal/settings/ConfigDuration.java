package dev.portcullis.internal.settings;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way Portcullis reads a duration from configuration, for the resource server and
 * the clients alike: {@code 250ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 1d} or
 * ISO-8601 such as {@code PT30S}. Callers turn an empty answer into their own message, which
 * names their key.
 */
public final class ConfigDuration {
  private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  private ConfigDuration() {}

  /** The duration {@code text} denotes, or empty when it is not one or is negative. */
  public static Optional<Duration> parse(String text) {
    String trimmed = text.strip();
    Matcher short_ = SHORT.matcher(trimmed.toLowerCase(Locale.ROOT));
    try {
      Duration duration;
      if (short_.matches()) {
        long amount = Long.parseLong(short_.group(1));
        switch (short_.group(2)) {
          case "ms":
            duration = Duration.ofMillis(amount);
            break;
          case "s":
            duration = Duration.ofSeconds(amount);
            break;
          case "m":
            duration = Duration.ofMinutes(amount);
            break;
          case "h":
            duration = Duration.ofHours(amount);
            break;
          default:
            duration = Duration.ofDays(amount);
        }
      } else {
        duration = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
      }
      return duration.isNegative() ? Optional.empty() : Optional.of(duration);
    } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
