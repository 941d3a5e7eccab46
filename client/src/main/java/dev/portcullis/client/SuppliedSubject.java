package dev.portcullis.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * The subject material a token exchange or JWT bearer grant supplied for one call, and the key
 * of the cache entry it selects: tokens obtained for one subject must never be handed to a
 * caller acting for another. The key is a SHA-256 digest, so no token is held as a map key.
 */
final class SuppliedSubject {
  private final String cacheKey;
  private final Supplier<String> token;
  private final String actorToken;

  private SuppliedSubject(String cacheKey, Supplier<String> token, String actorToken) {
    this.cacheKey = cacheKey;
    this.token = token;
    this.actorToken = actorToken;
  }

  /** Subject material whose cache entry is chosen by the digest of {@code keyParts}. */
  static SuppliedSubject of(String token, String actorToken, String... keyParts) {
    return new SuppliedSubject(digest(keyParts), () -> token, actorToken);
  }

  /**
   * Subject material made only when a token request needs it, by {@code token}, whose cache
   * entry is chosen by the digest of {@code keyParts}.
   */
  static SuppliedSubject minted(Supplier<String> token, String... keyParts) {
    return new SuppliedSubject(digest(keyParts), token, null);
  }

  String cacheKey() {
    return cacheKey;
  }

  /** The subject token or assertion; a minted one is made anew by each call. */
  String token() {
    return token.get();
  }

  /** The actor token of a delegation, or null. */
  String actorToken() {
    return actorToken;
  }

  private static String digest(String... parts) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        sha256.update((part == null ? "" : part).getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0);
      }
      return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime provides SHA-256.", e);
    }
  }

  @Override
  public String toString() {
    return "SuppliedSubject[key=" + cacheKey + ", token=(redacted)]";
  }
}
