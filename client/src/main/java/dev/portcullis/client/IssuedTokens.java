package dev.portcullis.client;

import java.time.Duration;
import java.time.Instant;

/** What one successful token response gave: the access token and maybe a refresh token. */
final class IssuedTokens {
  private final AccessToken accessToken;
  private final String refreshToken;
  private final Duration lifetime;

  IssuedTokens(AccessToken accessToken, String refreshToken, Duration lifetime) {
    this.accessToken = accessToken;
    this.refreshToken = refreshToken;
    this.lifetime = lifetime;
  }

  AccessToken accessToken() {
    return accessToken;
  }

  /** The refresh token, or null if the authorization server issued none. */
  String refreshToken() {
    return refreshToken;
  }

  Duration lifetime() {
    return lifetime;
  }

  /** When the token should be renewed: {@code refreshAhead} before expiry, at most half-way. */
  Instant renewAt(Duration refreshAhead) {
    Duration window = refreshAhead.compareTo(lifetime.dividedBy(2)) > 0 ? lifetime.dividedBy(2)
        : refreshAhead;
    return accessToken.expiresAt().minus(window);
  }

  @Override
  public String toString() {
    return "IssuedTokens[" + accessToken + ", refreshToken="
        + (refreshToken == null ? "none" : "(redacted)") + "]";
  }
}
