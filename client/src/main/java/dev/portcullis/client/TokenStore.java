package dev.portcullis.client;

import java.util.Optional;

/**
 * Where the tokens of a signed-in user's authorization are kept between requests and restarts:
 * per key (for example the user's id or the id of their web session), the grant's current
 * refresh token and the last access token for the client's configured scopes. A {@link
 * TokenClient} created with a store and a key reads the tokens from it instead of asking the
 * user to sign in again, and writes every new refresh token to it.
 *
 * <pre>{@code
 * TokenStore store = TokenStore.inMemory();          // or your own, over a file or a database
 * TokenClient alice = TokenClient.create(settings, store, "alice");
 * alice.completeAuthorization(pending, callback);     // saved under "alice"
 * // later, in another TokenClient (after a restart, with a store that survives it):
 * TokenClient.create(settings, store, "alice").token();   // no new sign-in
 * }</pre>
 *
 * <h2>Rotation</h2>
 * A server that rotates refresh tokens accepts each one once, and one with reuse detection
 * (RFC 9700 section 4.14.2) ends the whole authorization when a replaced one comes back. So
 * the client loads the current refresh token right before each refresh, and saves the answer
 * with {@link #save}, which replaces the stored tokens only if the refresh token stored is
 * still the one the client sent (compare-and-set). Within one JVM, refreshes of one key through
 * one store instance also run one at a time, whichever {@link TokenClient} makes them. A save
 * that loses the race keeps the winner's tokens: the loser's new refresh token is dropped and
 * never sent. Processes that share a key through a store should keep that key to one process
 * at a time, because two refreshes sent at the same moment with the same token are a reuse to
 * the server; the compare-and-set only decides which answer is kept.
 *
 * <h2>Failure semantics</h2>
 * Implementations are thread-safe. An exception from {@link #load} or {@link #save} fails the
 * {@link TokenClient} call that needed it with that exception; a save that throws after the
 * server rotated the refresh token loses the new one, so the user must sign in again.
 * Implementations must keep the tokens secret: never log them or put them in messages. The
 * client never logs the key either, which may be a web session id.
 */
public interface TokenStore {

  /**
   * The tokens saved under {@code key}, or empty if there are none.
   *
   * @throws RuntimeException if the store cannot be read; the calling token request fails
   */
  Optional<Tokens> load(String key);

  /**
   * Replaces the tokens under {@code key} with {@code replacement} (or removes them when it is
   * null), atomically, if the refresh token stored there is still {@code expectedRefreshToken}:
   * null expects no tokens, or tokens without a refresh token, to be stored.
   *
   * @return whether the tokens were replaced; false leaves the store unchanged
   * @throws RuntimeException if the store cannot be written
   */
  boolean save(String key, String expectedRefreshToken, Tokens replacement);

  /** A store in this JVM's memory, lost when it ends: the default of {@link TokenClient}. */
  static TokenStore inMemory() {
    return new InMemoryTokenStore();
  }

  /**
   * What is stored for one key: the grant's current refresh token, or null if the server
   * issued none, and the last access token for the configured scopes, or null. {@link
   * #toString()} never shows a token.
   *
   * @param refreshToken the current refresh token, or null
   * @param accessToken the last access token (with its expiry and scopes), or null
   */
  record Tokens(String refreshToken, AccessToken accessToken) {
    /** @throws IllegalArgumentException if both are null: there would be nothing to store */
    public Tokens {
      if (refreshToken == null && accessToken == null) {
        throw new IllegalArgumentException("Stored tokens need a refresh token, an access token"
            + " or both; to remove what is stored, save null.");
      }
    }

    @Override
    public String toString() {
      return "TokenStore.Tokens[refreshToken=" + (refreshToken == null ? "none" : "(redacted)")
          + ", accessToken=" + accessToken + "]";
    }
  }
}
