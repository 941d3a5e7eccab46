package dev.portcullis.client;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The auth-params of one {@code WWW-Authenticate} challenge (RFC 9110 section 11.6.1), by
 * lower-case name: {@code name=token} or {@code name="quoted string"}, separated by commas. Used for
 * the RFC 9470 parameters ({@code acr_values}, {@code max_age}) that the OAuth 2.0 SDK's {@code
 * BearerTokenError} does not read. Parsing stops at the first thing that is not an auth-param; what
 * was read until then is kept.
 */
final class ChallengeParameters {
  private ChallengeParameters() {}

  /** The parameters of {@code challenge}, which starts with its scheme ({@code Bearer ...}). */
  static Map<String, String> of(String challenge) {
    Map<String, String> parameters = new HashMap<>();
    String text = challenge.strip();
    int i = text.indexOf(' ');
    if (i < 0) {
      return parameters;
    }
    int n = text.length();
    while (i < n) {
      while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == ',' || text.charAt(i) == '\t')) {
        i++;
      }
      int nameStart = i;
      while (i < n && text.charAt(i) != '=' && text.charAt(i) != ' ' && text.charAt(i) != ',') {
        i++;
      }
      String name = text.substring(nameStart, i).toLowerCase(Locale.ROOT);
      while (i < n && text.charAt(i) == ' ') {
        i++;
      }
      if (name.isEmpty() || i >= n || text.charAt(i) != '=') {
        return parameters;
      }
      i++;
      while (i < n && text.charAt(i) == ' ') {
        i++;
      }
      StringBuilder value = new StringBuilder();
      if (i < n && text.charAt(i) == '"') {
        i++;
        while (i < n && text.charAt(i) != '"') {
          if (text.charAt(i) == '\\' && i + 1 < n) {
            i++;
          }
          value.append(text.charAt(i++));
        }
        if (i >= n) {
          return parameters; // An unterminated quoted string.
        }
        i++;
      } else {
        while (i < n && text.charAt(i) != ',' && text.charAt(i) != ' ') {
          value.append(text.charAt(i++));
        }
      }
      parameters.putIfAbsent(name, value.toString());
    }
    return parameters;
  }
}
