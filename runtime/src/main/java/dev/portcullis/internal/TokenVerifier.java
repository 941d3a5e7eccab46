package dev.portcullis.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.portcullis.PortcullisConfig;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Verifies JWT access tokens: signature with a key from the issuer's JWKS and an allowed
 * asymmetric algorithm, {@code typ}, {@code iss}, {@code aud}, {@code exp} and {@code nbf}.
 * Composed once from Nimbus parts and then shared by all requests (thread-safe).
 *
 * <p>Failure semantics: {@link #verify} throws {@link TokenRejectedException} for every
 * token it does not accept, including when keys cannot be fetched; it never throws a
 * runtime exception for token input. Nothing here logs token content.
 */
public final class TokenVerifier {
  private static final System.Logger LOG = System.getLogger(TokenVerifier.class.getName());
  private static final int MAX_JWKS_BYTES = 512 * 1024;

  private final DefaultJWTProcessor<SecurityContext> processor;
  private final AtomicLong lastKeyWarningMillis = new AtomicLong();

  /** Configures verification; fetches nothing until the first token arrives. */
  public TokenVerifier(PortcullisConfig config) {
    this(config, Duration.ofMillis(250));
  }

  TokenVerifier(PortcullisConfig config, Duration firstDiscoveryBackoff) {
    this.processor = new DefaultJWTProcessor<>();
    processor.setJWSTypeVerifier(typeVerifier(config.strictTokenType()));
    Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
    config.algorithms().forEach(name -> algorithms.add(JWSAlgorithm.parse(name)));
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, keySource(config, firstDiscoveryBackoff)));
    JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder();
    config.issuer().ifPresent(issuer -> exact.issuer(issuer.toString()));
    DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
        Set.of(config.audience()), exact.build(), new HashSet<>(Set.of("exp", "iss")), null);
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

  private static JWKSource<SecurityContext> keySource(PortcullisConfig config, Duration firstBackoff) {
    int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, config.httpTimeout().toMillis());
    if (config.jwksUri().isPresent()) {
      return keySet(config.jwksUri().get(), timeoutMillis);
    }
    IssuerMetadata metadata = new IssuerMetadata(config.issuer().orElseThrow(), config.httpTimeout(),
        config.allowInsecureHttp());
    return new DiscoveredKeySource(metadata, uri -> keySet(uri, timeoutMillis), Clock.systemUTC(),
        firstBackoff, Duration.ofMinutes(5));
  }

  /** A cached, rate-limited, outage-tolerant JWKS source that refetches on an unknown kid. */
  private static JWKSource<SecurityContext> keySet(URI uri, int timeoutMillis) {
    try {
      return JWKSourceBuilder.<SecurityContext>create(uri.toURL(),
              new DefaultResourceRetriever(timeoutMillis, timeoutMillis, MAX_JWKS_BYTES))
          .retrying(true)
          .outageTolerant(true)
          .build();
    } catch (MalformedURLException e) {
      throw new IllegalStateException("The JWKS URL " + uri + " is not a valid URL; check portcullis.jwks-uri.", e);
    }
  }

  /**
   * Verifies {@code token}.
   *
   * @throws TokenRejectedException with a description safe to send to the client
   */
  public VerifiedToken verify(String token) throws TokenRejectedException {
    JWTClaimsSet claims;
    try {
      claims = processor.process(token, null);
    } catch (KeySourceException e) {
      warnKeysUnavailable(e);
      throw new TokenRejectedException(TokenRejectedException.KEYS_UNAVAILABLE);
    } catch (ParseException e) {
      throw new TokenRejectedException("The token is not a well-formed JWT.");
    } catch (BadJOSEException e) {
      throw new TokenRejectedException(RejectionReasons.describe(e));
    } catch (JOSEException | RuntimeException e) {
      // Unexpected input the libraries did not classify: reject, never answer 500.
      LOG.log(System.Logger.Level.DEBUG, "Token rejected by {0}.", e.getClass().getName());
      throw new TokenRejectedException("The token is invalid.");
    }
    return ClaimsReader.read(claims);
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
