package dev.portcullis.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.portcullis.PortcullisConfig;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The full check of one token, composed once from Nimbus parts: {@code typ}, an allowed
 * asymmetric algorithm, the signature with a key from the issuer's JWKS, {@code iss},
 * {@code aud}, {@code exp} and {@code nbf}. Thread-safe.
 *
 * <p>Two changes from a stock {@link DefaultJWTProcessor} setup make it cheaper without making
 * it more lenient: Java keys and verifiers are built once per key rather than per token
 * ({@link CachedKeySelector}, {@link CachedVerifierFactory}), and the token is parsed once as
 * a JWS, its parts decoded by the JDK ({@link #parseJws}; Nimbus' generic parser would read
 * the header twice, with a slower decoder). Only a token that fails that parse is parsed
 * again, to say why.
 *
 * <p>Failure semantics: {@link #verify} throws {@link TokenRejectedException} for every token
 * it does not accept, including when keys cannot be fetched; never a runtime exception for
 * token input. Nothing here logs token content.
 */
final class TokenChecks {
  private static final System.Logger LOG = System.getLogger(TokenChecks.class.getName());

  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
  private final AtomicLong lastKeyWarningMillis = new AtomicLong();

  TokenChecks(PortcullisConfig config, JWKSource<SecurityContext> keys, Clock clock) {
    processor.setJWSTypeVerifier(typeVerifier(config.strictTokenType()));
    Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
    config.algorithms().forEach(name -> algorithms.add(JWSAlgorithm.parse(name)));
    processor.setJWSKeySelector(new CachedKeySelector(algorithms, keys));
    processor.setJWSVerifierFactory(new CachedVerifierFactory());
    JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder();
    config.issuer().ifPresent(issuer -> exact.issuer(issuer.toString()));
    DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
        Set.of(config.audience()), exact.build(), new HashSet<>(Set.of("exp", "iss")), null) {
      @Override
      protected Date currentTime() {
        return new Date(clock.millis());
      }
    };
    claims.setMaxClockSkew((int) config.clockSkew().getSeconds());
    processor.setJWTClaimsSetVerifier(claims);
  }

  private static DefaultJOSEObjectTypeVerifier<SecurityContext> typeVerifier(boolean strict) {
    JOSEObjectType atJwt = new JOSEObjectType("at+jwt");
    JOSEObjectType applicationAtJwt = new JOSEObjectType("application/at+jwt");
    return strict
        ? new DefaultJOSEObjectTypeVerifier<>(atJwt, applicationAtJwt)
        : new DefaultJOSEObjectTypeVerifier<>(atJwt, applicationAtJwt, JOSEObjectType.JWT, null);
  }

  /**
   * Verifies {@code token} from scratch.
   *
   * @throws TokenRejectedException with a description safe to send to the client
   */
  VerifiedToken verify(String token) throws TokenRejectedException {
    SignedJWT jws;
    try {
      jws = parseJws(token);
    } catch (ParseException | RuntimeException e) {
      throw new TokenRejectedException(whyNotSigned(token));
    }
    JWTClaimsSet claims;
    try {
      claims = processor.process(jws, null);
    } catch (KeySourceException e) {
      warnKeysUnavailable(e);
      throw new TokenRejectedException(TokenRejectedException.KEYS_UNAVAILABLE);
    } catch (BadJOSEException e) {
      throw new TokenRejectedException(RejectionReasons.describe(e));
    } catch (JOSEException | RuntimeException e) {
      // Unexpected input the libraries did not classify: reject, never answer 500.
      LOG.log(System.Logger.Level.DEBUG, "Token rejected by {0}.", e.getClass().getName());
      throw new TokenRejectedException("The token is invalid.");
    }
    return ClaimsReader.read(claims);
  }

  /**
   * Splits a JWS in compact form into its three parts, which decode with the JDK ({@link
   * JdkBase64Url}); Nimbus parses the header and checks the parts as in {@code
   * SignedJWT.parse}.
   */
  static SignedJWT parseJws(String token) throws ParseException {
    int headerEnd = token.indexOf('.');
    int payloadEnd = headerEnd < 0 ? -1 : token.indexOf('.', headerEnd + 1);
    if (payloadEnd < 0 || token.indexOf('.', payloadEnd + 1) >= 0) {
      throw new ParseException("Not a JWS in compact serialization", 0);
    }
    return new SignedJWT(new JdkBase64Url(token.substring(0, headerEnd)),
        new JdkBase64Url(token.substring(headerEnd + 1, payloadEnd)),
        new JdkBase64Url(token.substring(payloadEnd + 1)));
  }

  /** Only for tokens that are not a JWS: says what they are instead. */
  private static String whyNotSigned(String token) {
    try {
      JWT jwt = JWTParser.parse(token);
      if (jwt instanceof PlainJWT) {
        return "Unsigned tokens are not accepted.";
      }
      if (jwt instanceof EncryptedJWT) {
        return "Encrypted tokens are not accepted.";
      }
    } catch (ParseException | RuntimeException e) {
      // falls through to the generic answer
    }
    return "The token is not a well-formed JWT.";
  }

  private void warnKeysUnavailable(KeySourceException e) {
    long now = System.currentTimeMillis();
    long last = lastKeyWarningMillis.get();
    if (now - last > 30_000 && lastKeyWarningMillis.compareAndSet(last, now)) {
      LOG.log(System.Logger.Level.WARNING, "Portcullis rejects tokens because the signing keys are unavailable: {0}"
          + (e.getCause() != null ? " ({1})" : ""), e.getMessage(),
          e.getCause() == null ? "" : e.getCause().getMessage());
    }
  }
}
