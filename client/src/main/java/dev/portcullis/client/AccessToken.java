package dev.portcullis.client;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
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
  private final DpopKey dpopKey;

  AccessToken(String value, String type, Instant expiresAt, Set<String> scopes) {
    this(value, type, expiresAt, scopes, null);
  }

  AccessToken(String value, String type, Instant expiresAt, Set<String> scopes, DpopKey dpopKey) {
    this.value = Objects.requireNonNull(value, "value");
    this.type = Objects.requireNonNull(type, "type");
    this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    this.scopes = Set.copyOf(scopes);
    this.dpopKey = dpopKey;
  }

  /** This token, bound to {@code key}: for a DPoP token read back from a {@link TokenStore}. */
  AccessToken boundTo(DpopKey key) {
    return new AccessToken(value, type, expiresAt, scopes, key);
  }

  /**
   * A token obtained some other way, for example for a fixed {@link TokenSource} in tests. It
   * has no {@link #dpopKey()}: a {@code DPoP} token made here cannot be sent by a generated
   * client, which needs the key to sign its proofs.
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
   * The token type: {@code Bearer} for tokens a {@link TokenClient} obtained, or {@code DPoP}
   * when its settings ask for DPoP-bound tokens (it refuses other types); whatever was given to
   * {@link #of}.
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

  /**
   * The value of an HTTP {@code Authorization} header that presents this token: {@code DPoP
   * <token>} for a DPoP-bound token (RFC 9449 section 7.1), which also needs a proof from
   * {@link #dpopKey()} in the {@code DPoP} header, otherwise {@code Bearer <token>} (RFC 6750).
   */
  public String authorizationHeader() {
    return (isDpop() ? "DPoP " : "Bearer ") + value;
  }

  /**
   * The key this token is bound to, which signs the proof sent with every use of it: present
   * for the DPoP tokens a {@link TokenClient} obtained, empty otherwise.
   */
  public Optional<DpopKey> dpopKey() {
    return Optional.ofNullable(dpopKey);
  }

  /** Whether the token type is {@code DPoP} (RFC 9449), in any case. */
  public boolean isDpop() {
    return "DPoP".equalsIgnoreCase(type);
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
