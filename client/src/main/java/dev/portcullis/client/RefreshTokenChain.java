package dev.portcullis.client;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The refresh token of one authorization grant, each rotated token replacing the one before.
 *
 * <p>An authorization server that rotates refresh tokens accepts each one once; with reuse
 * detection (RFC 9700 section 4.14.2) a token sent again revokes the whole grant. So refresh
 * requests of one chain run one at a time, each with the token the previous answer returned,
 * and a token refused with {@code invalid_grant} is forgotten for good: nothing older is ever
 * sent in its place. A refresh whose outcome is unknown (a timeout, a 5xx answer) keeps the
 * token, which is the only way back into the grant; it is not retried within that call.
 *
 * <p>A chain kept in a {@link TokenStore} reads the current token from the store right before
 * each refresh and saves the answer with the store's compare-and-set, so that several clients
 * (or a client created after a restart) continue one chain; chains of one store and key in this
 * JVM share one lock. A chain without a store keeps its token in a field.
 */
final class RefreshTokenChain {
  private static final System.Logger LOG = System.getLogger(RefreshTokenChain.class.getName());

  /** Saves attempted when a sign-in replaces whatever the store holds meanwhile. */
  private static final int REPLACE_ATTEMPTS = 3;

  private record LockKey(TokenStore store, String key) {}

  /** One lock per store and key while any chain holds it. */
  private static final Cache<LockKey, ReentrantLock> LOCKS =
      Caffeine.newBuilder().weakValues().build();

  private final ReentrantLock refreshing;
  private final TokenStore store;
  private final String key;
  private volatile String current;

  /** A chain that starts with {@code refreshToken}, or with none when it is null. */
  RefreshTokenChain(String refreshToken) {
    this.refreshing = new ReentrantLock();
    this.store = null;
    this.key = null;
    this.current = refreshToken;
  }

  /**
   * A chain kept in {@code store} under {@code key}; {@code initialRefreshToken}, if not null,
   * is saved there only when the store holds no tokens for the key yet.
   */
  RefreshTokenChain(TokenStore store, String key, String initialRefreshToken) {
    this.refreshing = LOCKS.get(new LockKey(store, key), k -> new ReentrantLock());
    this.store = store;
    this.key = key;
    if (initialRefreshToken != null && store.load(key).isEmpty()) {
      store.save(key, null, new TokenStore.Tokens(initialRefreshToken, null));
    }
  }

  /**
   * Sends {@code request} with the current refresh token and keeps the rotated one the answer
   * carries, with the new access token when {@code keepAccessToken} (it is for the configured
   * scopes); null without a request when there is no refresh token.
   *
   * @throws TokenRequestException from {@code request}; after {@code invalid_grant} the chain
   *     has no refresh token any more
   */
  IssuedTokens refresh(Function<String, IssuedTokens> request, boolean keepAccessToken) {
    refreshing.lock();
    try {
      TokenStore.Tokens stored = store == null ? null : store.load(key).orElse(null);
      String refreshToken = store == null ? current
          : stored == null ? null : stored.refreshToken();
      if (refreshToken == null) {
        return null;
      }
      IssuedTokens issued;
      try {
        issued = request.apply(refreshToken);
      } catch (TokenRequestException e) {
        if ("invalid_grant".equals(e.error())) {
          if (store == null) {
            current = null;
          } else {
            store.save(key, refreshToken, null);
          }
        }
        throw e;
      }
      String next = issued.refreshToken() != null ? issued.refreshToken() : refreshToken;
      if (store == null) {
        current = next;
      } else {
        AccessToken accessToken = keepAccessToken ? issued.accessToken() : stored.accessToken();
        if (!store.save(key, refreshToken, new TokenStore.Tokens(next, accessToken))) {
          // The key is not logged: it may be a web session id, which is a credential too.
          LOG.log(System.Logger.Level.INFO, "A stored refresh token changed while it was being"
              + " used; the stored tokens are kept and the new ones are used for this request"
              + " only.");
        }
      }
      return issued;
    } finally {
      refreshing.unlock();
    }
  }

  /**
   * Starts again from a new grant: its refresh token, if any, replaces the chain's, and with
   * {@code keepAccessToken} its access token the stored one.
   *
   * @throws TokenAcquisitionException if the store changed on every attempt to save
   */
  void restart(IssuedTokens issued, boolean keepAccessToken) {
    refreshing.lock();
    try {
      if (store == null) {
        current = issued.refreshToken();
        return;
      }
      TokenStore.Tokens replacement = issued.refreshToken() == null && !keepAccessToken ? null
          : new TokenStore.Tokens(issued.refreshToken(),
              keepAccessToken ? issued.accessToken() : null);
      replace(replacement);
    } finally {
      refreshing.unlock();
    }
  }

  /** Ends the chain: returns its refresh token, or null, and keeps none from now on. */
  String end() {
    refreshing.lock();
    try {
      if (store == null) {
        String ended = current;
        current = null;
        return ended;
      }
      return replace(null);
    } finally {
      refreshing.unlock();
    }
  }

  /** Replaces what the store holds, whatever it is; returns the refresh token replaced. */
  private String replace(TokenStore.Tokens replacement) {
    for (int attempt = 0; attempt < REPLACE_ATTEMPTS; attempt++) {
      String stored = store.load(key).map(TokenStore.Tokens::refreshToken).orElse(null);
      if (store.save(key, stored, replacement)) {
        return stored;
      }
    }
    throw new TokenAcquisitionException("The tokens stored under this client's key changed on"
        + " each of " + REPLACE_ATTEMPTS + " attempts to replace them, so the new ones could not"
        + " be saved. Check that the TokenStore's save compares the stored refresh token with"
        + " the expected one, and that no other process writes this key in a loop.");
  }

  /** The access token saved with the refresh token, or null (always null without a store). */
  AccessToken savedAccessToken() {
    return store == null ? null
        : store.load(key).map(TokenStore.Tokens::accessToken).orElse(null);
  }

  /** Whether the chain holds a refresh token. */
  boolean hasRefreshToken() {
    return store == null ? current != null
        : store.load(key).map(TokenStore.Tokens::refreshToken).isPresent();
  }

  @Override
  public String toString() {
    return store == null ? "RefreshTokenChain[" + (current == null ? "empty" : "(redacted)") + "]"
        : "RefreshTokenChain[" + store + "]";
  }
}
