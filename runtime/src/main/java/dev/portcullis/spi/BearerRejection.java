package dev.portcullis.spi;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.regex.Pattern;

/** Recognises the RFC 6750 answer that a token was rejected: {@code 401 invalid_token}. */
final class BearerRejection {
  private static final Pattern INVALID_TOKEN =
      Pattern.compile("(?i)^\\s*Bearer\\b.*\\berror\\s*=\\s*\"?invalid_token\"?");

  private BearerRejection() {}

  static boolean isInvalidToken(Response response) {
    if (response.getStatus() != 401) {
      return false;
    }
    List<String> challenges = response.getStringHeaders().get(HttpHeaders.WWW_AUTHENTICATE);
    if (challenges == null) {
      return false;
    }
    return challenges.stream().anyMatch(challenge -> INVALID_TOKEN.matcher(challenge).find());
  }
}
