package dev.portcullis.client;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** {@link TokenStore#inMemory()}: a concurrent map, compare-and-set by {@code compute}. */
final class InMemoryTokenStore implements TokenStore {
  private final ConcurrentMap<String, Tokens> tokens = new ConcurrentHashMap<>();

  @Override
  public Optional<Tokens> load(String key) {
    return Optional.ofNullable(tokens.get(Objects.requireNonNull(key, "key")));
  }

  @Override
  public boolean save(String key, String expectedRefreshToken, Tokens replacement) {
    boolean[] saved = {false};
    tokens.compute(Objects.requireNonNull(key, "key"), (k, stored) -> {
      String current = stored == null ? null : stored.refreshToken();
      if (!Objects.equals(current, expectedRefreshToken)) {
        return stored;
      }
      saved[0] = true;
      return replacement;
    });
    return saved[0];
  }

  @Override
  public String toString() {
    return "TokenStore.inMemory()[" + tokens.size() + " keys]";
  }
}
