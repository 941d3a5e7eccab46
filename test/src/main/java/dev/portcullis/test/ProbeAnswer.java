package dev.portcullis.test;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the application answered to one probe: its status and {@code WWW-Authenticate} header
 * ({@code ""} without one), or why no answer came.
 */
record ProbeAnswer(int status, String challenge, String failure) {
  private static final Pattern ERROR = Pattern.compile("error=\"([^\"]*)\"");

  static ProbeAnswer of(int status, String challenge) {
    return new ProbeAnswer(status, challenge == null ? "" : challenge, null);
  }

  /** No answer: the request could not be sent or timed out. */
  static ProbeAnswer unanswered(String failure) {
    return new ProbeAnswer(0, "", failure);
  }

  /** {@code 200}, {@code 401 invalid_token}, {@code 403 insufficient_scope}, or why there was no answer. */
  String describe() {
    if (failure != null) {
      return "got no answer (" + failure + ")";
    }
    Matcher error = ERROR.matcher(challenge);
    String code = error.find() ? " " + error.group(1) : "";
    if (code.isEmpty() && (status == 401 || status == 403)
        && !challenge.toLowerCase(Locale.ROOT).startsWith("bearer")) {
      code = challenge.isEmpty() ? " without a WWW-Authenticate challenge" : " with challenge " + challenge;
    }
    return "answered " + status + code;
  }
}
