package dev.portcullis.internal.verification;

import dev.portcullis.internal.keys.KeySetVersion;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Remembers tokens that passed every check, so that a repeated token skips the parse and the
 * signature check. Bounded in size (least useful entries go first, Caffeine's W-TinyLFU) and
 * evicted when the token expires.
 *
 * <p>What a hit still checks, every time: {@code exp} and {@code nbf} against the clock with
 * the configured skew, by the same rule as a full check ({@link ClaimsReader}), and that the
 * key set the token's signing key came from is still the one fetched last ({@link
 * dev.portcullis.internal.keys.KeySetVersion}). A
 * miss on any of these drops the entry and the caller verifies the token from scratch, which
 * also gives the precise rejection reason.
 *
 * <p>Keys are the full token text, compared with {@code equals}: a look-up can only find a
 * token that is character for character one that was verified. A SHA-256 key would save
 * about 1.2 KB per entry but costs about a microsecond per look-up, more than the rest of
 * it together (see BENCHMARKS.md). The hash is taken from the token's last characters,
 * signature bytes that no one can choose for a valid token, rather than all 1-2 KB of it:
 * {@code String.hashCode} of a fresh request string would also cost about a microsecond.
 * Only verified tokens are ever stored, so no one can plant colliding keys. Each {@link
 * TokenVerifier} has its own cache, so a token verified for one configuration is never an
 * answer for another; within one, a token's {@code iss} always selects the same issuer, and
 * each entry is checked against the key set of the issuer that vouched for it.
 */
final class TokenCache {
  private static final TokenCache OFF = new TokenCache(null, 0, Clock.systemUTC());

  private final Cache<TokenKey, Entry> entries;
  private final long skewMillis;
  private final Clock clock;

  private TokenCache(Cache<TokenKey, Entry> entries, long skewMillis, Clock clock) {
    this.entries = entries;
    this.skewMillis = skewMillis;
    this.clock = clock;
  }

  /**
   * A cache of at most {@code maxSize} tokens, or one that remembers nothing when it is 0.
   *
   * @param maintenance where Caffeine runs evictions; {@code null} for its default pool
   */
  static TokenCache create(int maxSize, Duration clockSkew, Clock clock, Executor maintenance) {
    if (maxSize <= 0) {
      return OFF;
    }
    long skewMillis = clockSkew.toMillis();
    Caffeine<Object, Object> builder = Caffeine.newBuilder()
        .maximumSize(maxSize)
        .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()));
    if (maintenance != null) {
      builder.executor(maintenance);
    }
    Cache<TokenKey, Entry> entries = builder.expireAfter(new UntilExpiry(clock, skewMillis)).build();
    return new TokenCache(entries, skewMillis, clock);
  }

  /** The verified token, or {@code null} when it is unknown, expired, not yet valid or stale. */
  VerifiedToken find(String token) {
    if (entries == null) {
      return null;
    }
    TokenKey key = new TokenKey(token);
    Entry entry = entries.getIfPresent(key);
    if (entry == null) {
      return null;
    }
    long now = clock.millis();
    if (entry.keySetVersion != entry.keySets.current() || ClaimsReader.expired(now, entry.expiresAtMillis, skewMillis)
        || ClaimsReader.notYetValid(now, entry.notBeforeMillis, skewMillis)) {
      entries.invalidate(key);
      return null;
    }
    return entry.token;
  }

  /**
   * Remembers a token that just passed every check with a key from version {@code
   * keySetVersion} of the key sets {@code keySets} counts, its issuer's.
   */
  void remember(String token, VerifiedToken verified, KeySetVersion keySets, long keySetVersion) {
    if (entries != null) {
      entries.put(new TokenKey(token), new Entry(verified, keySets, keySetVersion));
    }
  }

  /** For tests: the number of entries after pending evictions ran. */
  long size() {
    if (entries == null) {
      return 0;
    }
    entries.cleanUp();
    return entries.estimatedSize();
  }

  private static final class Entry {
    final VerifiedToken token;
    final long expiresAtMillis;
    final long notBeforeMillis;
    final KeySetVersion keySets;
    final long keySetVersion;

    Entry(VerifiedToken token, KeySetVersion keySets, long keySetVersion) {
      this.token = token;
      this.expiresAtMillis = token.expiresAt().toEpochMilli();
      this.notBeforeMillis = token.notBeforeMillis();
      this.keySets = keySets;
      this.keySetVersion = keySetVersion;
    }
  }

  /** Full-text equality; a hash of the tail, which for a JWT is signature bytes. */
  private static final class TokenKey {
    private static final int HASHED_TAIL = 32;
    private final String token;
    private final int hash;

    TokenKey(String token) {
      this.token = token;
      int h = token.length();
      for (int i = Math.max(0, token.length() - HASHED_TAIL); i < token.length(); i++) {
        h = 31 * h + token.charAt(i);
      }
      this.hash = h;
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof TokenKey && ((TokenKey) other).token.equals(token);
    }
  }

  /** Each entry lives until its token's {@code exp} plus the clock skew. */
  private static final class UntilExpiry implements Expiry<TokenKey, Entry> {
    private final Clock clock;
    private final long skewMillis;

    UntilExpiry(Clock clock, long skewMillis) {
      this.clock = clock;
      this.skewMillis = skewMillis;
    }

    @Override
    public long expireAfterCreate(TokenKey key, Entry entry, long currentTime) {
      return TimeUnit.MILLISECONDS.toNanos(Math.max(0, entry.expiresAtMillis + skewMillis - clock.millis()));
    }

    @Override
    public long expireAfterUpdate(TokenKey key, Entry entry, long currentTime, long currentDuration) {
      return expireAfterCreate(key, entry, currentTime);
    }

    @Override
    public long expireAfterRead(TokenKey key, Entry entry, long currentTime, long currentDuration) {
      return currentDuration;
    }
  }
}
