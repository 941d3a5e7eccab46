package dev.portcullis.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.impl.CriticalHeaderParamsDeferral;
import com.nimbusds.jose.crypto.impl.RSASSA;
import com.nimbusds.jose.crypto.impl.RSASSAProvider;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.security.InvalidKeyException;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.RSAPublicKey;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Nimbus' {@code RSASSAVerifier} for one key, with one difference: each thread keeps the
 * {@link Signature} it verified with, initialised with the key, and uses it again for the
 * next token. A {@code Signature} is reset by {@link Signature#verify(byte[])} to its state
 * after {@code initVerify}, so the next check starts clean; looking one up in the provider
 * and initialising it costs a few microseconds per token that the cryptography does not
 * need.
 *
 * <p>Everything else is Nimbus': the critical-header check ({@link
 * CriticalHeaderParamsDeferral}), the algorithm names and RSASSA-PSS parameters ({@link
 * RSASSA#getSignerAndVerifier}). A {@code Signature} that threw is dropped, never reused.
 * Thread-safe: a thread takes its instance out of its own map while using it.
 */
final class ReusingRsaVerifier implements JWSVerifier {
  private final RSAPublicKey key;
  private final CriticalHeaderParamsDeferral criticalHeaders = new CriticalHeaderParamsDeferral();
  private final JCAContext jcaContext = new JCAContext();
  private final ThreadLocal<Map<JWSAlgorithm, Signature>> signatures =
      ThreadLocal.withInitial(() -> new HashMap<>(4));

  ReusingRsaVerifier(RSAPublicKey key) {
    this.key = key;
  }

  @Override
  public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
    if (!criticalHeaders.headerPasses(header)) {
      return false;
    }
    JWSAlgorithm algorithm = header.getAlgorithm();
    Map<JWSAlgorithm, Signature> own = signatures.get();
    Signature verifier = own.remove(algorithm);
    if (verifier == null) {
      verifier = RSASSA.getSignerAndVerifier(algorithm, jcaContext.getProvider());
      try {
        verifier.initVerify(key);
      } catch (InvalidKeyException e) {
        throw new JOSEException("Invalid public RSA key: " + e.getMessage(), e);
      }
    }
    boolean valid;
    try {
      verifier.update(signingInput);
      valid = verifier.verify(signature.decode());
    } catch (SignatureException e) {
      return false; // state unknown: not reused
    }
    own.put(algorithm, verifier);
    return valid;
  }

  @Override
  public Set<JWSAlgorithm> supportedJWSAlgorithms() {
    return RSASSAProvider.SUPPORTED_ALGORITHMS;
  }

  @Override
  public JCAContext getJCAContext() {
    return jcaContext;
  }
}
