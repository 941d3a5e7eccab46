package dev.portcullis.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Tokens of one client, one slot per requested scope set. Each slot lets at most one token
 * request run at a time: the first caller that finds no fresh token makes the request, and
 * every caller arriving meanwhile waits for that same result.
 */
final class TokenCache {
  private static final System.Logger LOG = System.getLogger(TokenCache.class.getName());

  /** Obtains new tokens; {@code refreshToken} is the slot's current one, or null. */
  interface TokenFetcher {
    IssuedTokens fetch(Set<String> scopes, String refreshToken);
  }

  private final Clock clock;
  private final Duration refreshAhead;
  private final TokenFetcher fetcher;
  private final ConcurrentMap<Set<String>, Slot> slots = new ConcurrentHashMap<>();

  TokenCache(Clock clock, Duration refreshAhead, TokenFetcher fetcher) {
    this.clock = clock;
    this.refreshAhead = refreshAhead;
    this.fetcher = fetcher;
  }

  Slot slot(Set<String> scopes) {
    return slots.computeIfAbsent(Set.copyOf(scopes), Slot::new);
  }

  /** The cached tokens of one scope set. */
  final class Slot {
    private final Set<String> scopes;
    private IssuedTokens current;
    private String refreshToken;
    private CompletableFuture<IssuedTokens> inFlight;

    Slot(Set<String> scopes) {
      this.scopes = scopes;
    }

    AccessToken token(boolean forceRefresh) {
      CompletableFuture<IssuedTokens> shared;
      boolean leader = false;
      String refreshWith;
      synchronized (this) {
        if (!forceRefresh && current != null
            && clock.instant().isBefore(current.renewAt(refreshAhead))) {
          return current.accessToken();
        }
        if (inFlight == null) {
          inFlight = new CompletableFuture<>();
          leader = true;
        }
        shared = inFlight;
        refreshWith = refreshToken;
      }
      if (leader) {
        fetchInto(shared, refreshWith);
      }
      try {
        return shared.join().accessToken();
      } catch (CompletionException e) {
        RuntimeException failure = (RuntimeException) e.getCause();
        AccessToken stillValid = stillValid(forceRefresh);
        if (stillValid != null) {
          LOG.log(System.Logger.Level.WARNING, "Renewing the token for scopes {0} failed; using"
              + " the current token until it expires at {1}: {2}", scopes,
              stillValid.expiresAt(), failure.getMessage());
          return stillValid;
        }
        throw failure;
      }
    }

    private void fetchInto(CompletableFuture<IssuedTokens> shared, String refreshWith) {
      try {
        IssuedTokens fresh = fetcher.fetch(scopes, refreshWith);
        store(fresh);
        shared.complete(fresh);
      } catch (RuntimeException | Error e) {
        synchronized (this) {
          inFlight = null;
        }
        shared.completeExceptionally(e);
      }
    }

    private synchronized AccessToken stillValid(boolean forceRefresh) {
      Instant now = clock.instant();
      return !forceRefresh && current != null && !current.accessToken().isExpiredAt(now)
          ? current.accessToken() : null;
    }

    /** Stores tokens obtained elsewhere (an authorization code exchange) or just fetched. */
    synchronized void store(IssuedTokens fresh) {
      current = fresh.withRefreshTokenOrElse(refreshToken);
      refreshToken = current.refreshToken();
      inFlight = null;
    }

    /** Drops the cached token if it is {@code rejected}, keeping the refresh token. */
    synchronized void invalidate(AccessToken rejected) {
      if (current != null && current.accessToken().value().equals(rejected.value())) {
        current = null;
      }
    }

    /** Forgets the refresh token, after the authorization server refused it. */
    synchronized void dropRefreshToken(String refused) {
      if (refused != null && refused.equals(refreshToken)) {
        refreshToken = null;
      }
    }
  }
}
