package dev.portcullis.client;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * An access token obtained from an authorization server, with what the client knows about it.
 *
 * <p>The token value is deliberately absent from {@link #toString()}, so that logging a token
 * object never leaks a credential. Use {@link #value()} only where the token is sent.
 *
 * <pre>{@code
 * AccessToken token = tokenSource.token();
 * request.header("Authorization", token.authorizationHeader());
 * }</pre>
 */
public final class AccessToken {
  private final String value;
  private final String type;
  private final Instant expiresAt;
  private final Set<String> scopes;

  AccessToken(String value, String type, Instant expiresAt, Set<String> scopes) {
    this.value = Objects.requireNonNull(value, "value");
    this.type = Objects.requireNonNull(type, "type");
    this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    this.scopes = Set.copyOf(scopes);
  }

  /**
   * A token obtained some other way, for example for a fixed {@link TokenSource} in tests.
   *
   * @throws NullPointerException if an argument is null
   */
  public static AccessToken of(String value, String type, Instant expiresAt,
      Set<String> scopes) {
    return new AccessToken(value, type, expiresAt, scopes);
  }

  /** The token value as issued; a secret, to be sent only to the API that accepts it. */
  public String value() {
    return value;
  }

  /**
   * The token type: {@code Bearer} for tokens a {@link TokenClient} obtained, which refuses
   * types it cannot present; whatever was given to {@link #of}.
   */
  public String type() {
    return type;
  }

  /**
   * When the token expires: from {@code expires_in} when the authorization server sent it,
   * otherwise the client's configured default lifetime after the token was received.
   */
  public Instant expiresAt() {
    return expiresAt;
  }

  /**
   * The scopes granted: the {@code scope} of the token response, or the scopes requested when
   * the authorization server omitted it (RFC 6749 section 5.1 allows that when they are equal).
   */
  public Set<String> scopes() {
    return scopes;
  }

  /** The value of an HTTP {@code Authorization} header that presents this token (RFC 6750). */
  public String authorizationHeader() {
    return "Bearer " + value;
  }

  /** Whether the token has expired at {@code now}. */
  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  @Override
  public String toString() {
    return "AccessToken[type=" + type + ", expiresAt=" + expiresAt + ", scopes=" + scopes
        + ", value=(redacted)]";
  }
}
