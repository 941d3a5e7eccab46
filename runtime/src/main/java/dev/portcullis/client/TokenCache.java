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
 * Tokens of one client, one slot per requested scope set and, for token exchange and JWT
 * bearer grants, per subject. Each slot lets at most one token request run at a time: the
 * first caller that finds no fresh token makes the request, and every caller arriving
 * meanwhile waits for that same result.
 *
 * <p>Refresh tokens live in {@link RefreshTokenChain}s: one shared by every slot when the
 * grant is a single authorization (refresh_token, authorization_code), else one per slot,
 * started by the slot's own grant request.
 */
final class TokenCache {
  private static final System.Logger LOG = System.getLogger(TokenCache.class.getName());

  /**
   * Obtains new tokens; {@code refreshTokens} is the slot's chain; {@code subject} is what the
   * grant supplied for the call that makes the request, or null.
   */
  interface TokenFetcher {
    IssuedTokens fetch(Set<String> scopes, RefreshTokenChain refreshTokens,
        SuppliedSubject subject);
  }

  /** Slots beyond which idle ones (expired, nothing in flight) are dropped. */
  static final int SWEEP_ABOVE = 1024;

  private record SlotKey(Set<String> scopes, String subject) {}

  /** How long a valid token is served without retrying after a renewal failed. */
  static final Duration RENEWAL_PAUSE = Duration.ofSeconds(5);

  private final Clock clock;
  private final Duration refreshAhead;
  private final TokenFetcher fetcher;
  private final RefreshTokenChain shared;
  private final ConcurrentMap<SlotKey, Slot> slots = new ConcurrentHashMap<>();

  /**
   * @param shared the refresh tokens every slot uses, or null for one chain per slot
   */
  TokenCache(Clock clock, Duration refreshAhead, RefreshTokenChain shared,
      TokenFetcher fetcher) {
    this.clock = clock;
    this.refreshAhead = refreshAhead;
    this.shared = shared;
    this.fetcher = fetcher;
  }

  Slot slot(Set<String> scopes, SuppliedSubject subject) {
    SlotKey key = new SlotKey(Set.copyOf(scopes), subject == null ? null : subject.cacheKey());
    Slot slot = slots.get(key);
    if (slot != null) {
      return slot;
    }
    if (slots.size() >= SWEEP_ABOVE) {
      Instant now = clock.instant();
      slots.values().removeIf(candidate -> candidate.isIdle(now));
    }
    return slots.computeIfAbsent(key, k -> new Slot(k.scopes(),
        shared != null ? shared : new RefreshTokenChain(null)));
  }

  /** Drops {@code rejected} from whichever slot still holds it. */
  void invalidate(AccessToken rejected) {
    slots.values().forEach(slot -> slot.invalidate(rejected));
  }

  int size() {
    return slots.size();
  }

  /** The cached tokens of one scope set. */
  final class Slot {
    private final Set<String> scopes;
    private final RefreshTokenChain refreshTokens;
    private IssuedTokens current;
    private CompletableFuture<IssuedTokens> inFlight;
    private Instant renewalPausedUntil = Instant.MIN;

    Slot(Set<String> scopes, RefreshTokenChain refreshTokens) {
      this.scopes = scopes;
      this.refreshTokens = refreshTokens;
    }

    AccessToken token(boolean forceRefresh, SuppliedSubject subject) {
      CompletableFuture<IssuedTokens> shared;
      boolean leader = false;
      synchronized (this) {
        Instant now = clock.instant();
        if (!forceRefresh && current != null) {
          boolean fresh = now.isBefore(current.renewAt(refreshAhead));
          boolean valid = !current.accessToken().isExpiredAt(now);
          // Inside the refresh-ahead window a valid token is still good: only one caller waits
          // for the renewal, and after a failed renewal nobody waits until the pause is over.
          if (fresh || (valid && (inFlight != null || now.isBefore(renewalPausedUntil)))) {
            return current.accessToken();
          }
        }
        if (inFlight == null) {
          inFlight = new CompletableFuture<>();
          leader = true;
        }
        shared = inFlight;
      }
      if (leader) {
        fetchInto(shared, subject);
      }
      try {
        return shared.join().accessToken();
      } catch (CompletionException e) {
        if (e.getCause() instanceof Error) {
          throw (Error) e.getCause();
        }
        RuntimeException failure = e.getCause() instanceof RuntimeException
            ? (RuntimeException) e.getCause() : e;
        AccessToken stillValid = stillValid(forceRefresh);
        if (stillValid != null) {
          pauseRenewal(stillValid);
          LOG.log(System.Logger.Level.WARNING, "Renewing the token for scopes {0} failed; using"
              + " the current token until it expires at {1}: {2}", scopes,
              stillValid.expiresAt(), failure.getMessage());
          return stillValid;
        }
        throw failure;
      }
    }

    private void fetchInto(CompletableFuture<IssuedTokens> shared, SuppliedSubject subject) {
      try {
        IssuedTokens fresh = fetcher.fetch(scopes, refreshTokens, subject);
        store(fresh);
        shared.complete(fresh);
      } catch (RuntimeException | Error e) {
        synchronized (this) {
          inFlight = null;
        }
        shared.completeExceptionally(e);
      }
    }

    private synchronized void pauseRenewal(AccessToken stillValid) {
      Instant until = clock.instant().plus(RENEWAL_PAUSE);
      if (until.isAfter(renewalPausedUntil)) {
        renewalPausedUntil = until.isAfter(stillValid.expiresAt()) ? stillValid.expiresAt()
            : until;
      }
    }

    private synchronized AccessToken stillValid(boolean forceRefresh) {
      Instant now = clock.instant();
      return !forceRefresh && current != null && !current.accessToken().isExpiredAt(now)
          ? current.accessToken() : null;
    }

    /** Stores tokens obtained elsewhere (an authorization code exchange) or just fetched. */
    synchronized void store(IssuedTokens fresh) {
      current = fresh;
      inFlight = null;
    }

    /**
     * Whether nothing is in flight and no usable token is held, so the slot may go; a slot of
     * its own refresh token chain also needs that chain to be empty.
     */
    synchronized boolean isIdle(Instant now) {
      return inFlight == null && (current == null || current.accessToken().isExpiredAt(now))
          && (refreshTokens == shared || !refreshTokens.hasRefreshToken());
    }

    /** Drops the cached token if it is {@code rejected}, keeping the refresh token. */
    synchronized void invalidate(AccessToken rejected) {
      if (current != null && current.accessToken().value().equals(rejected.value())) {
        current = null;
      }
    }
  }
}
