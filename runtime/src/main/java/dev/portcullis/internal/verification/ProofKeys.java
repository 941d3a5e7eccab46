package dev.portcullis.internal.verification;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import java.time.Duration;

/**
 * The keys of recent DPoP proofs, by the exact base64url text of the proof header that carried
 * them: a client signs every proof with the same key, so its proofs repeat the same header
 * ({@code typ}, {@code alg}, {@code jwk}) character for character. A hit gives the parsed header,
 * the verifier made from its {@code jwk} and the key's RFC 7638 thumbprint, so the next proof
 * skips parsing the header, building a Java key and a verifier (with their curve checks) and
 * hashing the thumbprint; its signature is still verified, with that verifier.
 *
 * <p>A look-up finds only a header that is equal, character for character, to one whose proof
 * verified: a different key is a different header, and never gets another key's verifier.
 * Only headers of proofs whose signature verified are stored. Bounded to {@link #MAX_KEYS}
 * entries (least useful go first, Caffeine's W-TinyLFU), each forgotten after {@link #IDLE} without
 * use; about 2 KB each. Thread-safe.
 */
final class ProofKeys {
  /** Enough for the clients of a busy API that send proofs often; each entry is about 2 KB. */
  static final int MAX_KEYS = 4_096;
  /** How long an unused key is kept. */
  static final Duration IDLE = Duration.ofMinutes(10);

  /**
   * A proof key, ready to verify the next proof with the same header.
   *
   * @param header the parsed header, whose {@code typ}, {@code alg} and {@code jwk} passed
   * @param verifier the verifier made from the header's {@code jwk}
   * @param thumbprint the RFC 7638 SHA-256 thumbprint of that {@code jwk}, base64url-encoded
   */
  record ProofKey(JWSHeader header, JWSVerifier verifier, String thumbprint) {}

  private final Cache<String, ProofKey> keys =
      Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(IDLE).build();

  /** The key of a verified proof whose header was {@code encodedHeader}, or {@code null}. */
  ProofKey find(String encodedHeader) {
    return keys.getIfPresent(encodedHeader);
  }

  /** Remembers {@code key} for proofs whose header is {@code encodedHeader}, after one verified with it. */
  void remember(String encodedHeader, ProofKey key) {
    keys.put(encodedHeader, key);
  }

  /** For tests: how many keys are remembered. */
  long size() {
    keys.cleanUp();
    return keys.estimatedSize();
  }
}
