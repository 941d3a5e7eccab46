package dev.portcullis.internal.verification;

import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.PortcullisConfig;
import dev.portcullis.PortcullisConfigException;
import dev.portcullis.TokenValidator;
import dev.portcullis.TrustedIssuer;
import dev.portcullis.internal.introspection.IntrospectionSettings;
import dev.portcullis.internal.introspection.Introspector;
import dev.portcullis.internal.introspection.IntrospectorFactory;
import dev.portcullis.internal.keys.IssuerKeys;
import dev.portcullis.internal.keys.KeySetVersion;
import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;

/**
 * Verifies JWT access tokens for one configuration (one issuer, one audience): a token over
 * the configured size is refused unread; a token seen before is answered from the {@link
 * TokenCache}, which still checks {@code exp}, {@code nbf} and that the key set its signing key
 * came from is still the one fetched last ({@link KeySetVersion}); any other token gets the
 * full {@link TokenChecks}. Built once and shared by all requests (thread-safe).
 *
 * <p>With introspection configured, a token that is not shaped like a JWT (three base64url
 * parts separated by dots, a JWS, or five, a JWE), or every token when all are to be
 * introspected, goes to {@link TokenIntrospection} instead, which has its own cache. The call
 * itself is made by portcullis-client, found with {@link ServiceLoader}.
 *
 * <p>Failure semantics: {@link #verify} throws {@link TokenRejectedException} for every token
 * it does not accept, and {@link KeysUnavailableException} when it cannot judge one because the
 * issuer's keys are not at hand (not loaded yet, or a needed fetch failed); it never throws a
 * runtime exception for token input and never waits for the authorization server, except for
 * a refetch its own unknown kid asks for, at most briefly for the first load at startup, and,
 * for a token it introspects, for one introspection call (bounded by the HTTP timeout), its
 * own or that of a concurrent request with the same token; an endpoint without a usable
 * answer also makes {@link KeysUnavailableException}.
 * Nothing here logs token content.
 */
public final class TokenVerifier implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(TokenVerifier.class.getName());
  private static final String VALIDATOR_FAILED = "The token could not be checked by a rule of this API.";

  /** The checks of the only trusted issuer, or {@code null} when there are several. */
  private final Route only;
  /** With several trusted issuers, each one's checks by its {@code iss}; otherwise {@code null}. */
  private final Map<String, Route> byIssuer;
  private final TokenCache cache;
  /** The key sources, whose background loading {@link #close()} ends. */
  private final List<JWKSource<SecurityContext>> keySources = new ArrayList<>();
  private final int maxTokenSize;
  private final String tooLarge;
  private final List<TokenValidator> validators;
  /** {@code null} when introspection is off. */
  private final TokenIntrospection introspection;
  private final boolean introspectAll;

  /** Configures verification, without introspection, and starts loading the issuer's keys in the background. */
  public TokenVerifier(PortcullisConfig config) {
    this(config, null, null, null, Clock.systemUTC(), null, null);
  }

  /**
   * Configures verification, with introspection when {@code introspection} is not {@code null},
   * and starts loading the issuer's keys in the background unless every token is introspected.
   *
   * @param issuerTls the TLS of the calls to the issuers, trusting the configured authorities,
   *     or {@code null} for the JDK's default
   * @throws PortcullisConfigException when introspection is configured but portcullis-client,
   *     which makes the calls, is not on the class path, or its client authentication cannot be
   *     set up
   */
  public TokenVerifier(PortcullisConfig config, IntrospectionSettings introspection, SSLContext issuerTls) {
    this(config, introspection, introspection == null ? null : introspector(introspection), null, Clock.systemUTC(),
        null, issuerTls);
  }

  /**
   * For tests.
   *
   * @param keys the key set to serve instead of fetching the configured one, or {@code null}
   * @param cacheMaintenance where the cache runs evictions, or {@code null} for Caffeine's pool
   */
  TokenVerifier(PortcullisConfig config, JWKSetSource<SecurityContext> keys, Clock clock, Executor cacheMaintenance) {
    this(config, null, null, keys, clock, cacheMaintenance, null);
  }

  /**
   * For tests, and the constructors above.
   *
   * @param settings the introspection settings, or {@code null} when introspection is off
   * @param introspector makes the introspection calls when {@code settings} is not {@code null}
   */
  TokenVerifier(PortcullisConfig config, IntrospectionSettings settings, Introspector introspector,
      JWKSetSource<SecurityContext> keys, Clock clock, Executor cacheMaintenance) {
    this(config, settings, introspector, keys, clock, cacheMaintenance, null);
  }

  /** The constructors above; {@code issuerTls} is the TLS of the calls to the issuers, {@code null} for the JDK's. */
  private TokenVerifier(PortcullisConfig config, IntrospectionSettings settings, Introspector introspector,
      JWKSetSource<SecurityContext> keys, Clock clock, Executor cacheMaintenance, SSLContext issuerTls) {
    this.validators = config.validators();
    this.introspection = settings == null ? null
        : new TokenIntrospection(config, settings, introspector, this::runValidators, clock, cacheMaintenance,
            issuerTls);
    this.introspectAll = settings != null && settings.allTokens();
    List<TrustedIssuer> issuers = introspectAll ? List.of() : config.trustedIssuers();
    if (keys != null && config.trustedIssuers().size() != 1) {
      throw new IllegalArgumentException("In-memory keys stand for the keys of one issuer.");
    }
    Map<String, Route> routes = new HashMap<>();
    for (TrustedIssuer issuer : issuers) {
      KeySetVersion version = new KeySetVersion();
      JWKSource<SecurityContext> source = keys == null ? IssuerKeys.configured(config, issuer, version, issuerTls)
          : IssuerKeys.inMemory(keys, version, clock);
      keySources.add(source);
      routes.put(issuer.issuer().map(Object::toString).orElse(null),
          new Route(new TokenChecks(config, issuer, source, clock), version));
    }
    this.only = routes.size() == 1 ? routes.values().iterator().next() : null;
    this.byIssuer = routes.size() == 1 ? null : Map.copyOf(routes);
    this.cache = TokenCache.create(config.tokenCacheSize(), config.clockSkew(), clock, cacheMaintenance);
    this.maxTokenSize = config.maxTokenSize();
    this.tooLarge = "The token is larger than the " + maxTokenSize + " bytes this API accepts.";
  }

  /**
   * Ends the background loading and refreshing of every issuer's keys, for an application that
   * stops. Tokens can still be verified with the keys loaded before, until they expire from the
   * key cache; none are fetched again.
   */
  @Override
  public void close() {
    for (JWKSource<SecurityContext> source : keySources) {
      if (source instanceof Closeable closeable) {
        try {
          closeable.close();
        } catch (IOException e) {
          LOG.log(System.Logger.Level.DEBUG, "Closing a key source failed: {0}", e.getClass().getName());
        }
      }
    }
  }

  /** The introspector of portcullis-client. */
  private static Introspector introspector(IntrospectionSettings settings) {
    ServiceLoader<IntrospectorFactory> loader =
        ServiceLoader.load(IntrospectorFactory.class, IntrospectorFactory.class.getClassLoader());
    Optional<IntrospectorFactory> factory = loader.findFirst();
    if (factory.isEmpty()) {
      factory = ServiceLoader.load(IntrospectorFactory.class).findFirst();
    }
    if (factory.isEmpty()) {
      throw new PortcullisConfigException("Introspection is configured (portcullis.introspection-client-id is set),"
          + " but the introspection calls are made by portcullis-client, which is not on the class path; add the"
          + " dependency dev.portcullis:portcullis-client, or remove the introspection settings.");
    }
    return factory.get().create(settings);
  }

  /**
   * Whether {@code token} is shaped like a JWT: three parts separated by dots (a JWS) or five
   * (a JWE). Such tokens are verified locally unless every token is introspected.
   */
  static boolean jwtShaped(String token) {
    int dots = 0;
    for (int i = 0; i < token.length(); i++) {
      if (token.charAt(i) == '.') {
        dots++;
      }
    }
    return dots == 2 || dots == 4;
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
    if (introspection != null && (introspectAll || !jwtShaped(token))) {
      return introspection.verify(token);
    }
    VerifiedToken known = cache.find(token);
    if (known != null) {
      return known;
    }
    Route route = only;
    TokenChecks.Verified verified;
    if (route != null) {
      verified = route.checks().verify(token);
    } else {
      // The claims are read before the signature here, as they must be to choose the issuer;
      // the choice is only ever among the configured ones, and the token is then verified in full.
      SignedJWT jwt = TokenChecks.parse(token);
      Map<String, Object> claims = TokenChecks.payload(jwt);
      route = byIssuer.get(issuerOf(claims));
      if (route == null) {
        throw new TokenRejectedException("The token was not issued by an issuer this API trusts.");
      }
      verified = route.checks().verify(jwt, claims);
    }
    runValidators(verified.token());
    // Remembered under the version of the set the verifying key came from, which is NONE
    // when a newer set was fetched meanwhile: then it is simply checked again next time.
    long version = route.keySetVersion().versionOf(verified.key());
    if (version != KeySetVersion.NONE) {
      cache.remember(token, verified.token(), route.keySetVersion(), version);
    }
    return verified.token();
  }

  private void runValidators(VerifiedToken token) throws TokenRejectedException {
    for (TokenValidator validator : validators) {
      refuseIfAsked(validator, token);
    }
  }

  /** One trusted issuer's checks, and the versions of its key set. */
  private record Route(TokenChecks checks, KeySetVersion keySetVersion) {}

  private static String issuerOf(Map<String, Object> claims) throws TokenRejectedException {
    Object iss = claims.get("iss");
    if (iss == null) {
      throw new TokenRejectedException("The token lacks the iss claim, which access tokens must have.");
    }
    if (!(iss instanceof String)) {
      throw new TokenRejectedException("The token's iss claim is malformed.");
    }
    return (String) iss;
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

  /** For tests: how many introspection answers are remembered. */
  long cachedAnswers() {
    return introspection.cachedAnswers();
  }

  /** For tests: the versions of the key set of the only trusted issuer. */
  KeySetVersion keySetVersion() {
    return only.keySetVersion();
  }
}
