package dev.portcullis.internal.verification;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyConverter;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import java.security.Key;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;

/**
 * Nimbus' {@link JWSVerificationKeySelector} with one change: the Java key built from a JWK
 * is remembered. Nimbus rebuilds an {@code RSAPublicKey} or {@code ECPublicKey} from the
 * JWK's numbers on every token, which costs a noticeable share of an RSA signature check.
 *
 * <p>Keys are remembered per JWK <em>instance</em>: a JWK is immutable and the key source
 * hands out the same instances until it fetches a new set, so a remembered key can never
 * belong to a different JWK, and a fetched set (even an equal one) starts afresh. The
 * memory is bounded: past {@value #MAX_KEYS} entries it is dropped and rebuilt on demand.
 * The algorithm check, the JWK matching (its matcher is remembered too) and the
 * unknown-kid refetch are Nimbus' own.
 */
final class CachedKeySelector extends JWSVerificationKeySelector<SecurityContext> {
  static final int MAX_KEYS = 64;

  private final Map<MatcherKey, JWKMatcher> matchers = new ConcurrentHashMap<>();

  /** Copy-on-write: readers never lock; writers replace the whole map. */
  private volatile Map<JWK, List<Candidate>> javaKeys = new IdentityHashMap<>();

  CachedKeySelector(Set<JWSAlgorithm> algorithms, JWKSource<SecurityContext> keys) {
    super(algorithms, keys);
  }

  @Override
  public List<Key> selectJWSKeys(JWSHeader header, SecurityContext context) throws KeySourceException {
    List<Key> keys = new ArrayList<>();
    for (Candidate candidate : candidates(header, context)) {
      keys.add(candidate.key());
    }
    return keys;
  }

  /** A Java key to verify with and the JWK it was built from. */
  record Candidate(JWK jwk, Key key) {}

  /**
   * The keys {@link #selectJWSKeys} selects, each with its JWK, so the caller can tell which
   * key set vouched for a token.
   *
   * @throws KeySourceException when the key source fails, as {@link #selectJWSKeys} does
   */
  List<Candidate> candidates(JWSHeader header, SecurityContext context) throws KeySourceException {
    if (!isAllowed(header.getAlgorithm())) {
      return List.of();
    }
    JWKMatcher matcher = matcher(header);
    if (matcher == null) {
      return List.of();
    }
    @SuppressWarnings("unchecked")
    List<JWK> matches = getJWKSource().get(new JWKSelector(matcher), context);
    if (matches.size() == 1) {
      return candidates(matches.get(0));
    }
    List<Candidate> candidates = new ArrayList<>();
    for (JWK jwk : matches) {
      candidates.addAll(candidates(jwk));
    }
    return candidates;
  }

  /**
   * Nimbus' matcher for {@code header}, remembered: {@code JWKMatcher.forJWSHeader} reads only
   * the algorithm, the kid and the x5t#S256 thumbprint, so those are the key, and a matcher
   * is immutable. Made-up kids cannot grow the map beyond {@value #MAX_KEYS} entries.
   */
  private JWKMatcher matcher(JWSHeader header) {
    MatcherKey key = new MatcherKey(header.getAlgorithm(), header.getKeyID(), header.getX509CertSHA256Thumbprint());
    JWKMatcher known = matchers.get(key);
    if (known != null) {
      return known;
    }
    JWKMatcher made = createJWKMatcher(header);
    if (made != null) {
      if (matchers.size() >= MAX_KEYS) {
        matchers.clear();
      }
      matchers.put(key, made);
    }
    return made;
  }

  private record MatcherKey(JWSAlgorithm algorithm, String keyId, Base64URL thumbprint) {}

  private List<Candidate> candidates(JWK jwk) {
    List<Candidate> known = javaKeys.get(jwk);
    if (known != null) {
      return known;
    }
    List<Candidate> candidates = new ArrayList<>(1);
    for (Key key : KeyConverter.toJavaKeys(List.of(jwk))) {
      if (key instanceof PublicKey || key instanceof SecretKey) {
        candidates.add(new Candidate(jwk, key));
      } // private keys published by mistake are never used to verify
    }
    if (jwk instanceof OctetKeyPair) { // Nimbus converts no OKP key; the JDK verifies Ed25519
      JdkEdDsaVerifier.publicKey((OctetKeyPair) jwk).ifPresent(key -> candidates.add(new Candidate(jwk, key)));
    }
    List<Candidate> converted = List.copyOf(candidates);
    synchronized (this) {
      Map<JWK, List<Candidate>> next = javaKeys.size() >= MAX_KEYS ? new IdentityHashMap<>()
          : new IdentityHashMap<>(javaKeys);
      next.put(jwk, converted);
      javaKeys = next;
    }
    return converted;
  }

  /** For tests: how many key matchers are remembered. */
  int rememberedMatchers() {
    return matchers.size();
  }

  /** For tests: how many JWKs have a remembered Java key. */
  int rememberedKeys() {
    return javaKeys.size();
  }
}
