package dev.portcullis.client;

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
 */
final class RefreshTokenChain {
  private final ReentrantLock refreshing = new ReentrantLock();
  private volatile String current;

  /** A chain that starts with {@code refreshToken}, or with none when it is null. */
  RefreshTokenChain(String refreshToken) {
    this.current = refreshToken;
  }

  /**
   * Sends {@code request} with the current refresh token and keeps the rotated one the answer
   * carries; null without a request when there is no refresh token.
   *
   * @throws TokenRequestException from {@code request}; after {@code invalid_grant} the chain
   *     has no refresh token any more
   */
  IssuedTokens refresh(Function<String, IssuedTokens> request) {
    refreshing.lock();
    try {
      String refreshToken = current;
      if (refreshToken == null) {
        return null;
      }
      IssuedTokens issued;
      try {
        issued = request.apply(refreshToken);
      } catch (TokenRequestException e) {
        if ("invalid_grant".equals(e.error())) {
          current = null;
        }
        throw e;
      }
      if (issued.refreshToken() != null) {
        current = issued.refreshToken();
      }
      return issued;
    } finally {
      refreshing.unlock();
    }
  }

  /** Starts again from a new grant: its refresh token, if any, replaces the chain's. */
  void restart(IssuedTokens issued) {
    refreshing.lock();
    try {
      current = issued.refreshToken();
    } finally {
      refreshing.unlock();
    }
  }

  /** Ends the chain: returns its refresh token, or null, and keeps none from now on. */
  String end() {
    refreshing.lock();
    try {
      String ended = current;
      current = null;
      return ended;
    } finally {
      refreshing.unlock();
    }
  }

  /** Whether the chain holds a refresh token. */
  boolean hasRefreshToken() {
    return current != null;
  }

  @Override
  public String toString() {
    return "RefreshTokenChain[" + (current == null ? "empty" : "(redacted)") + "]";
  }
}
