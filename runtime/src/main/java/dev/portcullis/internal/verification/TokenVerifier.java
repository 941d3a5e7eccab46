package dev.portcullis.internal.verification;

import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.portcullis.PortcullisConfig;
import dev.portcullis.TokenValidator;
import dev.portcullis.internal.keys.IssuerKeys;
import dev.portcullis.internal.keys.KeySetVersion;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Verifies JWT access tokens for one configuration (one issuer, one audience): a token over
 * the configured size is refused unread; a token seen before is answered from the {@link
 * TokenCache}, which still checks {@code exp}, {@code nbf} and that the key set its signing key
 * came from is still the one fetched last ({@link KeySetVersion}); any other token gets the
 * full {@link TokenChecks}. Built once and shared by all requests (thread-safe).
 *
 * <p>Failure semantics: {@link #verify} throws {@link TokenRejectedException} for every token
 * it does not accept, and {@link KeysUnavailableException} when it cannot judge one because the
 * issuer's keys are not at hand (not loaded yet, or a needed fetch failed); it never throws a
 * runtime exception for token input and never waits for the authorization server, except for
 * a refetch its own unknown kid asks for, and at most briefly for the first load at startup.
 * Nothing here logs token content.
 */
public final class TokenVerifier {
  private static final System.Logger LOG = System.getLogger(TokenVerifier.class.getName());
  private static final String VALIDATOR_FAILED = "The token could not be checked by a rule of this API.";

  private final KeySetVersion keySetVersion = new KeySetVersion();
  private final TokenChecks checks;
  private final TokenCache cache;
  private final int maxTokenSize;
  private final String tooLarge;
  private final List<TokenValidator> validators;

  /** Configures verification and starts loading the issuer's keys in the background. */
  public TokenVerifier(PortcullisConfig config) {
    this(config, null, Clock.systemUTC(), null);
  }

  /**
   * For tests.
   *
   * @param keys the key set to serve instead of fetching the configured one, or {@code null}
   * @param cacheMaintenance where the cache runs evictions, or {@code null} for Caffeine's pool
   */
  TokenVerifier(PortcullisConfig config, JWKSetSource<SecurityContext> keys, Clock clock, Executor cacheMaintenance) {
    JWKSource<SecurityContext> source = keys == null ? IssuerKeys.configured(config, keySetVersion)
        : IssuerKeys.inMemory(keys, keySetVersion, clock);
    this.checks = new TokenChecks(config, source, clock);
    this.cache = TokenCache.create(config.tokenCacheSize(), config.clockSkew(), clock, cacheMaintenance);
    this.maxTokenSize = config.maxTokenSize();
    this.tooLarge = "The token is larger than the " + maxTokenSize + " bytes this API accepts.";
    this.validators = config.validators();
  }

  /**
   * Verifies {@code token}.
   *
   * @throws TokenRejectedException with a description safe to send to the client
   * @throws KeysUnavailableException when the token cannot be judged for want of keys
   */
  public VerifiedToken verify(String token) throws TokenRejectedException, KeysUnavailableException {
    // A b64token is ASCII, so its length is its size in bytes. Checked before the cache is
    // asked, so an oversized token is neither hashed nor compared, parsed nor verified.
    if (token.length() > maxTokenSize) {
      throw new TokenRejectedException(tooLarge);
    }
    VerifiedToken known = cache.find(token, keySetVersion.current());
    if (known != null) {
      return known;
    }
    TokenChecks.Verified verified = checks.verify(token);
    for (TokenValidator validator : validators) {
      refuseIfAsked(validator, verified.token());
    }
    // Remembered under the version of the set the verifying key came from, which is NONE
    // when a newer set was fetched meanwhile: then it is simply checked again next time.
    long version = keySetVersion.versionOf(verified.key());
    if (version != KeySetVersion.NONE) {
      cache.remember(token, verified.token(), version);
    }
    return verified.token();
  }

  private static void refuseIfAsked(TokenValidator validator, VerifiedToken token) throws TokenRejectedException {
    Optional<String> refusal;
    try {
      refusal = validator.refusal(token);
    } catch (RuntimeException | Error e) {
      StackTraceElement[] where = e.getStackTrace();
      // Not the exception's message: it could quote the token or its claims.
      LOG.log(System.Logger.Level.WARNING, "Portcullis refused a token because the token validator {0} threw {1}"
          + " (at {2}); fix the validator so that it returns a refusal instead of throwing.",
          validator.getClass().getName(), e.getClass().getName(), where.length > 0 ? where[0] : "an unknown place");
      throw new TokenRejectedException(VALIDATOR_FAILED);
    }
    if (refusal == null) {
      LOG.log(System.Logger.Level.WARNING, "Portcullis refused a token because the token validator {0} returned null;"
          + " return Optional.empty() to accept a token.", validator.getClass().getName());
      throw new TokenRejectedException(VALIDATOR_FAILED);
    }
    if (refusal.isPresent()) {
      String reason = refusal.get().strip();
      throw new TokenRejectedException(reason.isEmpty() ? "The token was refused by a rule of this API." : reason);
    }
  }

  /** For tests: how many tokens the cache holds. */
  long cachedTokens() {
    return cache.size();
  }

  /** For tests: the version of the key set behind the cache. */
  KeySetVersion keySetVersion() {
    return keySetVersion;
  }
}
