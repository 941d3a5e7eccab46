package dev.portcullis.internal.verification;

import java.security.Key;
import java.security.interfaces.RSAKey;
import java.util.ArrayList;
import java.util.List;

/**
 * The smallest keys a token may be verified with. RSA keys need 2,048 bits (RFC 8725 section
 * 3.5, NIST SP 800-131A): shorter ones can be factored by a determined attacker, who could
 * then sign any token, and Nimbus' verifiers check no size. EC keys are held to their curves
 * by Nimbus' verifier and Ed25519 has a single size, so only RSA is measured here.
 */
final class KeyStrength {
  static final int MIN_RSA_BITS = 2_048;

  private KeyStrength() {}

  /** Whether {@code key} is an RSA key shorter than {@value #MIN_RSA_BITS} bits. */
  static boolean tooWeak(Key key) {
    return key instanceof RSAKey && ((RSAKey) key).getModulus().bitLength() < MIN_RSA_BITS;
  }

  /** {@code keys} without the weak ones; the same list when none is weak, the common case. */
  static List<CachedKeySelector.Candidate> strongOnly(List<CachedKeySelector.Candidate> keys) {
    for (CachedKeySelector.Candidate candidate : keys) {
      if (tooWeak(candidate.key())) {
        return withoutWeak(keys);
      }
    }
    return keys;
  }

  private static List<CachedKeySelector.Candidate> withoutWeak(List<CachedKeySelector.Candidate> keys) {
    List<CachedKeySelector.Candidate> strong = new ArrayList<>(keys.size());
    for (CachedKeySelector.Candidate candidate : keys) {
      if (!tooWeak(candidate.key())) {
        strong.add(candidate);
      }
    }
    return strong;
  }
}
