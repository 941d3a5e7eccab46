package dev.portcullis.internal.verification;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.proc.JWSVerifierFactory;
import java.security.Key;
import java.security.interfaces.EdECPublicKey;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Nimbus' {@link DefaultJWSVerifierFactory}, remembering the verifier it made for each Java
 * key. Nimbus' RSA and EC verifiers are immutable and thread-safe (each check takes its own
 * {@code java.security.Signature}); making one per token repeats key validation, and for EC
 * keys a curve check, that only depends on the key. An Ed25519 key gets a {@link
 * JdkEdDsaVerifier} instead, since Nimbus verifies Ed25519 only with Google Tink.
 *
 * <p>A remembered verifier is reused only for an algorithm it supports; anything else goes
 * to the default factory, which decides (and rejects) exactly as it always did. Keys are
 * remembered per instance, which {@link CachedKeySelector} keeps stable per key set; the
 * memory is bounded like there.
 */
final class CachedVerifierFactory implements JWSVerifierFactory {
  private final DefaultJWSVerifierFactory factory = new DefaultJWSVerifierFactory();
  private volatile Map<Key, JWSVerifier> verifiers = new IdentityHashMap<>();

  @Override
  public JWSVerifier createJWSVerifier(JWSHeader header, Key key) throws JOSEException {
    JWSVerifier known = verifiers.get(key);
    if (known != null && known.supportedJWSAlgorithms().contains(header.getAlgorithm())) {
      return known;
    }
    JWSVerifier made = key instanceof EdECPublicKey ? new JdkEdDsaVerifier((EdECPublicKey) key)
        : factory.createJWSVerifier(header, key);
    synchronized (this) {
      Map<Key, JWSVerifier> next = verifiers.size() >= CachedKeySelector.MAX_KEYS ? new IdentityHashMap<>()
          : new IdentityHashMap<>(verifiers);
      next.put(key, made);
      verifiers = next;
    }
    return made;
  }

  @Override
  public Set<JWSAlgorithm> supportedJWSAlgorithms() {
    Set<JWSAlgorithm> supported = new LinkedHashSet<>(factory.supportedJWSAlgorithms());
    supported.addAll(JdkEdDsaVerifier.SUPPORTED_ALGORITHMS);
    return supported;
  }

  @Override
  public JCAContext getJCAContext() {
    return factory.getJCAContext();
  }
}
