package dev.portcullis.test;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the application answered to one probe: its status and {@code WWW-Authenticate}
 * challenges, one per header (none without one), or why no answer came.
 */
record ProbeAnswer(int status, List<String> challenges, String failure) {
  private static final Pattern ERROR = Pattern.compile("error=\"([^\"]*)\"");

  ProbeAnswer {
    challenges = List.copyOf(challenges);
  }

  static ProbeAnswer of(int status, List<String> challenges) {
    return new ProbeAnswer(status, challenges, null);
  }

  /** An answer with one challenge, or none when {@code challenge} is {@code null}. */
  static ProbeAnswer of(int status, String challenge) {
    return of(status, challenge == null ? List.of() : List.of(challenge));
  }

  /** No answer: the request could not be sent or timed out. */
  static ProbeAnswer unanswered(String failure) {
    return new ProbeAnswer(0, List.of(), failure);
  }

  /** Every challenge, separated by commas as one header would hold them; {@code ""} for none. */
  String challenge() {
    return String.join(", ", challenges);
  }

  /** The challenge of {@code scheme} ({@code Bearer}, {@code DPoP}), in lower case. */
  Optional<String> challenge(String scheme) {
    String prefix = scheme.toLowerCase(Locale.ROOT);
    return challenges.stream().map(value -> value.toLowerCase(Locale.ROOT))
        .filter(value -> value.equals(prefix) || value.startsWith(prefix + " "))
        .findFirst();
  }

  /** Whether the first challenge is of {@code scheme}. */
  boolean firstChallengeIs(String scheme) {
    return !challenges.isEmpty() && challenge(scheme).orElse("").equals(challenges.get(0).toLowerCase(Locale.ROOT));
  }

  /** Whether the challenge of {@code scheme} carries {@code error="<error>"}. */
  boolean hasError(String scheme, String error) {
    return challenge(scheme).map(value -> value.contains("error=\"" + error + "\"")).orElse(false);
  }

  /** {@code 200}, {@code 401 invalid_token}, {@code 403 insufficient_scope}, or why there was no answer. */
  String describe() {
    if (failure != null) {
      return "got no answer (" + failure + ")";
    }
    String challenge = challenge();
    Matcher error = ERROR.matcher(challenge);
    String code = error.find() ? " " + error.group(1) : "";
    if (code.isEmpty() && (status == 401 || status == 403)
        && !challenge.toLowerCase(Locale.ROOT).startsWith("bearer")) {
      code = challenge.isEmpty() ? " without a WWW-Authenticate challenge" : " with challenge " + challenge;
    }
    return "answered " + status + code;
  }
}
