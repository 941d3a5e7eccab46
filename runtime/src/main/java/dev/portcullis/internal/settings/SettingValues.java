package dev.portcullis.internal.settings;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way Portcullis turns a setting's text into a value, for the resource server and the
 * clients alike, with one wording for what is wrong: {@code <name> is "<text>", which is not
 * a duration; use a value such as 30s, 5m or PT1M.} The name is the one the value was read
 * under (a system property or an environment variable); the caller chooses the exception type.
 */
public final class SettingValues {
  private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  private SettingValues() {}

  /**
   * A duration: {@code 250ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 1d} or ISO-8601
   * such as {@code PT30S}; {@code 0} alone needs no unit; not negative.
   */
  public static <E extends RuntimeException> Duration duration(String name, String text,
      Function<String, E> failure) {
    return parse(text).orElseThrow(() -> failure.apply(name + " is \"" + text
        + "\", which is not a duration; use a value such as 30s, 5m or PT1M."));
  }

  /** A whole number, {@code _} allowed between digits. */
  public static <E extends RuntimeException> int count(String name, String text, Function<String, E> failure) {
    try {
      return Integer.parseInt(text.strip().replace("_", ""));
    } catch (NumberFormatException e) {
      throw failure.apply(name + " is \"" + text + "\", which is not a whole number; use a value such as 10000.");
    }
  }

  /** {@code true} or {@code false}, in any case. */
  public static <E extends RuntimeException> boolean bool(String name, String text, Function<String, E> failure) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.equals("true") || t.equals("false")) {
      return t.equals("true");
    }
    throw failure.apply(name + " is \"" + text + "\", which is not a boolean; use true or false.");
  }

  /** The duration {@code text} denotes, or empty when it is not one or is negative. */
  static Optional<Duration> parse(String text) {
    String trimmed = text.strip();
    if (trimmed.equals("0")) {
      return Optional.of(Duration.ZERO); // the same in every unit
    }
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
