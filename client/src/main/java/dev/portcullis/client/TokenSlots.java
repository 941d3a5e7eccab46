package dev.portcullis.client;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Tokens of one client, one slot per requested scope set and, for token exchange and JWT
 * bearer grants, per subject. Each slot lets at most one token request run at a time: the
 * first caller that finds no fresh token makes the request, and every caller arriving
 * meanwhile waits for that same result.
 *
 * <p>Refresh tokens live in {@link RefreshTokenChain}s: one shared by every slot when the
 * grant is a single authorization (refresh_token, authorization_code), else one per slot,
 * started by the slot's own grant request.
 *
 * <p>Token exchange and JWT bearer grants make a slot per subject, so the slots are bounded:
 * a slot goes when its access token expires unless it holds a request in flight or a refresh
 * token of its own, and beyond {@link #MAX_SLOTS} the least used go first (Caffeine's
 * W-TinyLFU). A slot that goes takes its refresh token with it; the subject's next call
 * starts again with the grant.
 */
final class TokenSlots {
  private static final System.Logger LOG = System.getLogger(TokenSlots.class.getName());

  /**
   * Obtains new tokens; {@code refreshTokens} is the slot's chain; {@code subject} is what the
   * grant supplied for the call that makes the request, or null.
   */
  interface TokenFetcher {
    IssuedTokens fetch(Set<String> scopes, RefreshTokenChain refreshTokens,
        SuppliedSubject subject);
  }

  /** Slots kept at most. */
  static final int MAX_SLOTS = 10_000;

  private record SlotKey(Set<String> scopes, String subject) {}

  /** How long a valid token is served without retrying after a renewal failed. */
  static final Duration RENEWAL_PAUSE = Duration.ofSeconds(5);

  private final Clock clock;
  private final Duration refreshAhead;
  private final TokenFetcher fetcher;
  private final RefreshTokenChain shared;
  private final Cache<SlotKey, Slot> slots;

  /**
   * @param shared the refresh tokens every slot uses, or null for one chain per slot
   */
  TokenSlots(Clock clock, Duration refreshAhead, RefreshTokenChain shared,
      TokenFetcher fetcher) {
    this.clock = clock;
    this.refreshAhead = refreshAhead;
    this.shared = shared;
    this.fetcher = fetcher;
    this.slots = Caffeine.newBuilder()
        .maximumSize(MAX_SLOTS)
        .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
        .executor(Runnable::run)
        .expireAfter(new WhileUseful())
        .build();
  }

  Slot slot(Set<String> scopes, SuppliedSubject subject) {
    SlotKey key = new SlotKey(Set.copyOf(scopes), subject == null ? null : subject.cacheKey());
    return slots.get(key, k -> new Slot(k, shared != null ? shared : new RefreshTokenChain(null)));
  }

  /** Drops {@code rejected} from whichever slot still holds it. */
  void invalidate(AccessToken rejected) {
    slots.asMap().values().forEach(slot -> slot.invalidate(rejected));
  }

  /**
   * Empties every slot and drops it: the access tokens the slots held and the refresh tokens of
   * slots with a chain of their own, for revocation. The shared chain is left to its owner.
   */
  Taken takeAll() {
    List<String> accessTokens = new ArrayList<>();
    List<String> refreshTokens = new ArrayList<>();
    for (Slot slot : List.copyOf(slots.asMap().values())) {
      String accessToken = slot.take();
      if (accessToken != null) {
        accessTokens.add(accessToken);
      }
      if (slot.refreshTokens != shared) {
        String refreshToken = slot.refreshTokens.end();
        if (refreshToken != null) {
          refreshTokens.add(refreshToken);
        }
      }
    }
    slots.invalidateAll();
    return new Taken(accessTokens, refreshTokens);
  }

  /** What {@link #takeAll()} took; never printed. */
  record Taken(List<String> accessTokens, List<String> refreshTokens) {
    @Override
    public String toString() {
      return "Taken[" + accessTokens.size() + " access, " + refreshTokens.size() + " refresh]";
    }
  }

  /** The number of slots, after dropping those that are no longer useful. */
  long size() {
    slots.cleanUp();
    return slots.estimatedSize();
  }

  /**
   * A new slot stays until its first request ends; after that, as long as {@link
   * Slot#keepUntilMillis()} says, computed again whenever the slot changes ({@link
   * Slot#changed()}).
   */
  private final class WhileUseful implements Expiry<SlotKey, Slot> {
    @Override
    public long expireAfterCreate(SlotKey key, Slot slot, long currentTime) {
      return Long.MAX_VALUE;
    }

    @Override
    public long expireAfterUpdate(SlotKey key, Slot slot, long currentTime,
        long currentDuration) {
      long until = slot.keepUntilMillis();
      long now = clock.millis();
      return until <= now ? 0 : TimeUnit.MILLISECONDS.toNanos(until - now);
    }

    @Override
    public long expireAfterRead(SlotKey key, Slot slot, long currentTime, long currentDuration) {
      return currentDuration;
    }
  }

  /** The cached tokens of one scope set. */
  final class Slot {
    private final SlotKey key;
    private final Set<String> scopes;
    private final RefreshTokenChain refreshTokens;
    private IssuedTokens current;
    private CompletableFuture<IssuedTokens> inFlight;
    private Instant renewalPausedUntil = Instant.MIN;

    Slot(SlotKey key, RefreshTokenChain refreshTokens) {
      this.key = key;
      this.scopes = key.scopes();
      this.refreshTokens = refreshTokens;
    }

    /**
     * A usable cached token, or else the request every caller shares, and whether this caller
     * is the one to start it.
     */
    private record Join(AccessToken usable, CompletableFuture<IssuedTokens> shared, boolean leader) {}

    private synchronized Join join(boolean forceRefresh) {
      AccessToken usable = usable(forceRefresh);
      if (usable != null) {
        return new Join(usable, null, false);
      }
      boolean leader = inFlight == null;
      if (leader) {
        inFlight = new CompletableFuture<>();
      }
      return new Join(null, inFlight, leader);
    }

    AccessToken token(boolean forceRefresh, SuppliedSubject subject) {
      Join join = join(forceRefresh);
      if (join.usable() != null) {
        return join.usable();
      }
      CompletableFuture<IssuedTokens> shared = join.shared();
      if (join.leader()) {
        changed();
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
        AccessToken stillValid = stillValidAfter(failure, forceRefresh);
        if (stillValid != null) {
          return stillValid;
        }
        throw failure;
      }
    }

    /**
     * {@link #token} without blocking: a usable cached token completes the result at once;
     * otherwise the first caller starts the request on {@code executor} and every caller
     * arriving meanwhile, synchronous or not, shares it. The result is the caller's own, never
     * the shared request, so completing it affects nobody else.
     */
    CompletableFuture<AccessToken> tokenAsync(boolean forceRefresh, SuppliedSubject subject,
        Executor executor) {
      Join join = join(forceRefresh);
      if (join.usable() != null) {
        return CompletableFuture.completedFuture(join.usable());
      }
      CompletableFuture<IssuedTokens> shared = join.shared();
      if (join.leader()) {
        changed();
        try {
          executor.execute(() -> fetchInto(shared, subject));
        } catch (RejectedExecutionException e) {
          failed(shared, new TokenAcquisitionException("The executor for asynchronous token"
              + " requests refused the request for scopes " + scopes + " (it is shut down or"
              + " full), so no token could be obtained. Give OAuthClientSettings.Builder"
              + ".executor(...) an executor that accepts tasks while the client is in use.", e));
        }
      }
      CompletableFuture<AccessToken> result = new CompletableFuture<>();
      shared.whenComplete((issued, thrown) -> {
        if (thrown == null) {
          result.complete(issued.accessToken());
          return;
        }
        Throwable failure = thrown instanceof CompletionException && thrown.getCause() != null
            ? thrown.getCause() : thrown;
        AccessToken stillValid = failure instanceof RuntimeException runtime
            ? stillValidAfter(runtime, forceRefresh) : null;
        if (stillValid != null) {
          result.complete(stillValid);
        } else {
          result.completeExceptionally(failure);
        }
      });
      return result;
    }

    /**
     * The cached token if callers may have it without a request, else null. Inside the
     * refresh-ahead window a valid token is still good: only one caller waits for the renewal,
     * and after a failed renewal nobody waits until the pause is over.
     */
    private AccessToken usable(boolean forceRefresh) {
      assert Thread.holdsLock(this);
      if (forceRefresh || current == null) {
        return null;
      }
      Instant now = clock.instant();
      boolean fresh = now.isBefore(current.renewAt(refreshAhead));
      boolean valid = !current.accessToken().isExpiredAt(now);
      return fresh || (valid && (inFlight != null || now.isBefore(renewalPausedUntil)))
          ? current.accessToken() : null;
    }

    /**
     * After a failed request: the cached token while it has not expired (pausing renewal and
     * logging the failure), else null.
     */
    private AccessToken stillValidAfter(RuntimeException failure, boolean forceRefresh) {
      AccessToken stillValid = stillValid(forceRefresh);
      if (stillValid != null) {
        pauseRenewal(stillValid);
        LOG.log(System.Logger.Level.WARNING, "Renewing the token for scopes {0} failed; using"
            + " the current token until it expires at {1}: {2}", scopes,
            stillValid.expiresAt(), failure.getMessage());
      }
      return stillValid;
    }

    private void fetchInto(CompletableFuture<IssuedTokens> shared, SuppliedSubject subject) {
      try {
        IssuedTokens fresh = fetcher.fetch(scopes, refreshTokens, subject);
        store(fresh);
        shared.complete(fresh);
      } catch (RuntimeException | Error e) {
        failed(shared, e);
      }
    }

    private void failed(CompletableFuture<IssuedTokens> shared, Throwable e) {
      synchronized (this) {
        inFlight = null;
      }
      changed();
      shared.completeExceptionally(e);
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
    void store(IssuedTokens fresh) {
      synchronized (this) {
        current = fresh;
        inFlight = null;
      }
      changed();
    }

    /** Stores tokens read back from a {@link TokenStore} unless the slot has some already. */
    void storeIfEmpty(IssuedTokens saved) {
      synchronized (this) {
        if (current != null || inFlight != null) {
          return;
        }
        current = saved;
      }
      changed();
    }

    /**
     * Until when the slot is worth keeping, in epoch milliseconds: for ever while a request is
     * in flight or it holds a refresh token of its own (a shared chain outlives its slots),
     * else until its access token expires.
     */
    synchronized long keepUntilMillis() {
      if (inFlight != null || (refreshTokens != shared && refreshTokens.hasRefreshToken())) {
        return Long.MAX_VALUE;
      }
      return current == null ? Long.MIN_VALUE : current.accessToken().expiresAt().toEpochMilli();
    }

    /**
     * Has the cache compute again how long to keep this slot. Called outside the slot's lock,
     * which the cache takes inside its own to ask {@link #keepUntilMillis()}.
     */
    private void changed() {
      slots.asMap().computeIfPresent(key, (k, slot) -> slot);
    }

    /** Drops the cached token, whichever it is, and returns its value, or null. */
    synchronized String take() {
      String taken = current == null ? null : current.accessToken().value();
      current = null;
      return taken;
    }

    /**
     * Drops the cached token if it is {@code rejected}, keeping the refresh token. The slot keeps
     * its place in the cache until the dropped token would have expired: were it evicted now, a
     * caller already holding it and one asking the cache afresh would each request a token.
     */
    synchronized void invalidate(AccessToken rejected) {
      if (current != null && current.accessToken().value().equals(rejected.value())) {
        current = null;
      }
    }
  }
}
