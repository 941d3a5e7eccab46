package dev.portcullis.internal.verification;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.portcullis.PortcullisConfig;
import dev.portcullis.TrustedIssuer;
import dev.portcullis.internal.introspection.IntrospectionFailedException;
import dev.portcullis.internal.introspection.IntrospectionSettings;
import dev.portcullis.internal.introspection.Introspector;
import dev.portcullis.internal.keys.IssuerKeys;
import dev.portcullis.internal.keys.IssuerMetadata;
import dev.portcullis.internal.keys.KeySetVersion;
import dev.portcullis.internal.keys.TrustedAuthorities;
import dev.portcullis.internal.keys.UrlPolicy;
import dev.portcullis.internal.settings.SettingsSource;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.text.ParseException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;

/**
 * Verifies tokens by asking the authorization server's introspection endpoint (RFC 7662), and
 * judges its answer by the rules JWT claims are judged by ({@link ClaimsReader}).
 *
 * <ul>
 *   <li>{@code active} must be {@code true}; otherwise the token is rejected ("The token is not
 *       active.").
 *   <li>{@code token_type}, when present, must say access token: {@code Bearer}, {@code
 *       access_token} or {@code urn:ietf:params:oauth:token-type:access_token}, any case; or
 *       {@code DPoP} (RFC 9449 section 6.2), which needs {@code cnf.jkt}. A {@code cnf.jkt} in the
 *       answer binds the token to a DPoP key like the claim of a JWT.
 *   <li>{@code iss}, when present, selects the trusted issuer whose rules apply; when absent,
 *       the only trusted issuer's (with several, the answer is rejected).
 *   <li>Then {@link ClaimsReader}: {@code aud} must contain the audience and {@code exp} must
 *       be there, as in a JWT; {@code exp} and {@code nbf} with the clock skew; scopes, roles,
 *       {@code client_id} and {@code sub} as from a JWT. Then the configured validators.
 * </ul>
 *
 * <p>Answers are remembered by the SHA-256 of the token, never the token itself: an accepted
 * one for the configured TTL but never past its {@code exp}, a rejected one for {@link
 * #INACTIVE_TTL} (or the TTL when that is shorter). Concurrent requests with the same token wait
 * for the one call the first of them makes. An endpoint that gives no usable answer (down, slow,
 * an error status, not an introspection response) makes {@link KeysUnavailableException}, a
 * 503: it is not a verdict on the token, and it is not remembered.
 */
final class TokenIntrospection {
  private static final System.Logger LOG = System.getLogger(TokenIntrospection.class.getName());
  /**
   * How long a rejected answer is remembered: long enough that a client repeating a revoked or
   * made-up token costs the authorization server one call in ten seconds, short enough that the
   * cache does not fill with them and that a token the server did not know yet (replication lag)
   * soon passes.
   */
  static final Duration INACTIVE_TTL = Duration.ofSeconds(10);
  /** When to try again after the endpoint gave no usable answer. */
  static final Duration RETRY_AFTER = Duration.ofSeconds(5);
  private static final Set<String> ACCESS_TOKEN_TYPES =
      Set.of("bearer", "access_token", "urn:ietf:params:oauth:token-type:access_token");

  /** The checks run on an accepted token before it is remembered: the configured validators. */
  interface Validation {
    void check(VerifiedToken token) throws TokenRejectedException;
  }

  private final Introspector introspector;
  private final Endpoint endpoint;
  private final ClaimsReader only;
  private final String onlyIssuer;
  private final Map<String, ClaimsReader> byIssuer;
  private final Validation validation;
  private final AsyncCache<Digest, Outcome> cache;
  private final Clock clock;
  private final long skewMillis;
  private final long waitMillis;
  private final AtomicLong lastWarning = new AtomicLong(Long.MIN_VALUE / 2);
  /** The setting of the credential the endpoint checks, named when it refuses the request. */
  private final String credentialKey;
  /** Verifies RFC 9701 answers; {@code null} when answers are plain JSON. */
  private final DefaultJWTProcessor<SecurityContext> signedAnswers;

  TokenIntrospection(PortcullisConfig config, IntrospectionSettings settings, Introspector introspector,
      Validation validation, Clock clock, Executor cacheMaintenance, SSLContext issuerTls) {
    this.introspector = introspector;
    this.credentialKey = credentialKey(settings);
    this.signedAnswers = settings.jwtResponse() ? signedAnswers(config, settings, issuerTls) : null;
    this.validation = validation;
    this.clock = clock;
    this.skewMillis = config.clockSkew().toMillis();
    Map<String, ClaimsReader> readers = new HashMap<>();
    for (TrustedIssuer issuer : config.trustedIssuers()) {
      readers.put(issuer.issuer().map(Object::toString).orElse(null), ClaimsReader.of(config, issuer));
    }
    this.only = readers.size() == 1 ? readers.values().iterator().next() : null;
    this.onlyIssuer = readers.size() == 1 ? readers.keySet().iterator().next() : null;
    this.byIssuer = Map.copyOf(readers.size() == 1 ? Map.of() : readers);
    long timeoutMillis = settings.httpTimeout().toMillis();
    // The call is bounded by the timeout, and so is the wait for discovery: those who wait for
    // another request's call never wait longer than it can take.
    this.waitMillis = 2 * timeoutMillis + 1_000;
    URI issuer = config.issuer().orElse(null);
    this.endpoint = new Endpoint(settings.endpoint().orElse(null), issuer, settings.httpTimeout(),
        config.allowInsecureHttp(), clock, introspector.tls(), settings.mutualTls());
    long ttlMillis = settings.cacheTtl().toMillis();
    if (ttlMillis <= 0) {
      this.cache = null;
    } else {
      Caffeine<Object, Object> builder = Caffeine.newBuilder()
          .maximumSize(Math.max(1_000, config.tokenCacheSize()))
          .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()));
      if (cacheMaintenance != null) {
        builder.executor(cacheMaintenance);
      }
      long inactiveMillis = Math.min(ttlMillis, INACTIVE_TTL.toMillis());
      this.cache = builder.expireAfter(new Lifetime(clock, ttlMillis, inactiveMillis)).buildAsync();
    }
  }

  /**
   * Verifies {@code token} by introspection, or answers from what an earlier call said.
   *
   * @throws TokenRejectedException when the answer rejects it, with a description safe to send
   * @throws KeysUnavailableException when the endpoint gave no usable answer
   */
  VerifiedToken verify(String token) throws TokenRejectedException, KeysUnavailableException {
    if (cache == null) {
      return ask(token).result(clock.millis(), skewMillis);
    }
    Digest key = Digest.of(token);
    CompletableFuture<Outcome> mine = new CompletableFuture<>();
    CompletableFuture<Outcome> found = cache.get(key, (k, executor) -> mine);
    if (found == mine) {
      try {
        mine.complete(ask(token));
      } catch (KeysUnavailableException | RuntimeException | Error e) {
        // A failed future leaves the cache: the next request asks again.
        mine.completeExceptionally(e);
        throw e;
      }
    }
    return await(found).result(clock.millis(), skewMillis);
  }

  private Outcome await(CompletableFuture<Outcome> answer) throws KeysUnavailableException {
    try {
      return answer.get(waitMillis, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof KeysUnavailableException unavailable) {
        throw unavailable;
      }
      throw unavailable();
    } catch (TimeoutException e) {
      throw unavailable();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable();
    }
  }

  /**
   * The processor of RFC 9701 answers: {@code typ} {@code token-introspection+jwt}, signed with
   * a key of the issuer's key set by an accepted algorithm, {@code iss} the issuer, {@code aud}
   * this API's client id, {@code iat} and {@code token_introspection} present, and {@code exp}
   * and {@code nbf}, if any, current.
   */
  private static DefaultJWTProcessor<SecurityContext> signedAnswers(PortcullisConfig config,
      IntrospectionSettings settings, SSLContext issuerTls) {
    TrustedIssuer issuer = config.trustedIssuers().get(0);
    JWKSource<SecurityContext> keys = IssuerKeys.configured(config, issuer, new KeySetVersion(), issuerTls);
    Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
    config.algorithms().forEach(name -> algorithms.add(JWSAlgorithm.parse(name)));
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("token-introspection+jwt")));
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, keys));
    processor.setJWSVerifierFactory(new CachedVerifierFactory());
    JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder();
    issuer.issuer().ifPresent(uri -> exact.issuer(uri.toString()));
    processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(Set.of(settings.clientId()), exact.build(),
        Set.of("iss", "aud", "iat", "token_introspection"), null));
    return processor;
  }

  /** The members of the endpoint's answer, from its signed JWT when RFC 9701 answers are asked for. */
  private Map<String, Object> answer(String token) throws IntrospectionFailedException {
    if (signedAnswers == null) {
      return introspector.introspect(endpoint.get(), token);
    }
    String jwt = introspector.introspectAsJwt(endpoint.get(), token);
    JWTClaimsSet claims;
    try {
      claims = signedAnswers.process(jwt, null);
    } catch (ParseException | BadJOSEException | JOSEException e) {
      throw new IntrospectionFailedException("The introspection endpoint's signed answer was refused: "
          + e.getClass().getSimpleName() + ". Its signature, typ (token-introspection+jwt), iss, aud (this API's client"
          + " id) and iat must be right.", false);
    }
    Object members = claims.getClaim("token_introspection");
    if (!(members instanceof Map)) {
      throw new IntrospectionFailedException("The introspection endpoint's signed answer has no token_introspection"
          + " object.", false);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> answer = (Map<String, Object>) members;
    return answer;
  }

  /** One call to the endpoint, and the verdict on its answer. */
  private Outcome ask(String token) throws KeysUnavailableException {
    Map<String, Object> answer;
    try {
      answer = answer(token);
    } catch (IntrospectionFailedException e) {
      warn(e);
      throw unavailable();
    } catch (RuntimeException e) {
      // Not the message: it could quote the answer.
      if (dueForWarning()) {
        LOG.log(System.Logger.Level.WARNING, "Portcullis could not introspect a token: the call failed with {0}.",
            e.getClass().getName());
      }
      throw unavailable();
    }
    if (!(answer.get("active") instanceof Boolean)) {
      warn(new IntrospectionFailedException("The introspection endpoint answered without a boolean active member.",
          false));
      throw unavailable();
    }
    try {
      VerifiedToken verified = judge(answer, clock.millis());
      validation.check(verified);
      return new Outcome(verified, null);
    } catch (TokenRejectedException e) {
      return new Outcome(null, e.getMessage());
    } catch (RuntimeException e) {
      // An answer the rules could not read; not the message, which could quote it.
      if (dueForWarning()) {
        LOG.log(System.Logger.Level.WARNING, "Portcullis could not read an introspection answer: {0}.",
            e.getClass().getName());
      }
      throw unavailable();
    }
  }

  /** The principal the answer describes, if it accepts the token. */
  VerifiedToken judge(Map<String, Object> answer, long nowMillis) throws TokenRejectedException {
    if (!Boolean.TRUE.equals(answer.get("active"))) {
      throw new TokenRejectedException("The token is not active.");
    }
    Object type = answer.get("token_type");
    boolean dpopType = type instanceof String text && text.equalsIgnoreCase("DPoP");
    if (type != null && !dpopType
        && !(type instanceof String text && ACCESS_TOKEN_TYPES.contains(text.toLowerCase(Locale.ROOT)))) {
      throw new TokenRejectedException("The token is not an access token (its token_type is not Bearer).");
    }
    if (dpopType && !(answer.get("cnf") instanceof Map<?, ?> cnf && cnf.get("jkt") instanceof String)) {
      throw new TokenRejectedException("The introspection answer says the token is DPoP-bound (token_type DPoP) but"
          + " gives no cnf.jkt.");
    }
    Object iss = answer.get("iss");
    ClaimsReader reader;
    Map<String, Object> claims = answer;
    if (iss == null) {
      if (onlyIssuer == null) {
        throw new TokenRejectedException("The introspection answer does not name the token's issuer, which this API"
            + " needs to judge it.");
      }
      claims = new HashMap<>(answer);
      claims.put("iss", onlyIssuer);
      reader = only;
    } else if (!(iss instanceof String)) {
      throw new TokenRejectedException("The token's iss claim is malformed.");
    } else {
      reader = only != null ? only : byIssuer.get(iss);
      if (reader == null) {
        throw new TokenRejectedException("The token was not issued by an issuer this API trusts.");
      }
    }
    // Introspection answers are about access tokens; ID token claims are not looked for.
    return reader.read(claims, nowMillis, true);
  }

  private static KeysUnavailableException unavailable() {
    return new KeysUnavailableException(KeysUnavailableException.INTROSPECTION_DESCRIPTION, RETRY_AFTER);
  }

  private void warn(IntrospectionFailedException e) {
    if (e.refused()) {
      if (dueForWarning()) {
        LOG.log(System.Logger.Level.WARNING, "Portcullis could not introspect tokens: {0} The introspection endpoint"
            + " refused the request; check {1}, {2} and {3} (the client must be allowed to introspect at the"
            + " authorization server).", e.getMessage(), SettingsSource.propertyName("introspection-client-id"),
            SettingsSource.propertyName(credentialKey), SettingsSource.propertyName("introspection-client-auth"));
      }
    } else if (dueForWarning()) {
      LOG.log(System.Logger.Level.WARNING, "Portcullis could not introspect a token, and answers 503 until the"
          + " introspection endpoint answers: {0}", e.getMessage());
    }
  }

  private static String credentialKey(IntrospectionSettings settings) {
    if (IntrospectionSettings.CERTIFICATE_METHODS.contains(settings.method())) {
      return settings.tls().map(tls -> tls.keyStore() != null).orElse(false) ? "introspection-tls-keystore"
          : "introspection-tls-certificate";
    }
    return settings.method().equals("private_key_jwt") ? "introspection-private-key" : "introspection-client-secret";
  }

  /** At most one warning every 30 seconds, so that a failing endpoint cannot flood the log. */
  private boolean dueForWarning() {
    long now = System.currentTimeMillis();
    long last = lastWarning.get();
    return now - last > 30_000 && lastWarning.compareAndSet(last, now);
  }

  /** For tests: the number of remembered answers. */
  long cachedAnswers() {
    if (cache == null) {
      return 0;
    }
    cache.synchronous().cleanUp();
    return cache.synchronous().estimatedSize();
  }

  /** An answer: the accepted token, or why it was rejected. */
  private record Outcome(VerifiedToken token, String rejection) {
    VerifiedToken result(long nowMillis, long skewMillis) throws TokenRejectedException {
      if (rejection != null) {
        throw new TokenRejectedException(rejection);
      }
      if (ClaimsReader.expired(nowMillis, token.expiresAt().toEpochMilli(), skewMillis)) {
        throw new TokenRejectedException("The token has expired.");
      }
      if (ClaimsReader.notYetValid(nowMillis, token.notBeforeMillis(), skewMillis)) {
        throw new TokenRejectedException("The token is not valid yet.");
      }
      return token;
    }
  }

  /** The SHA-256 of a token: what the cache keeps instead of the token. */
  private record Digest(long a, long b, long c, long d) {
    static Digest of(String token) {
      MessageDigest sha256;
      try {
        sha256 = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("Every Java runtime has SHA-256.", e);
      }
      ByteBuffer hash = ByteBuffer.wrap(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
      return new Digest(hash.getLong(), hash.getLong(), hash.getLong(), hash.getLong());
    }
  }

  /** An accepted answer lives for the TTL but never past {@code exp}; a rejection briefly. */
  private static final class Lifetime implements Expiry<Digest, Outcome> {
    private final Clock clock;
    private final long ttlMillis;
    private final long inactiveMillis;

    Lifetime(Clock clock, long ttlMillis, long inactiveMillis) {
      this.clock = clock;
      this.ttlMillis = ttlMillis;
      this.inactiveMillis = inactiveMillis;
    }

    @Override
    public long expireAfterCreate(Digest key, Outcome outcome, long currentTime) {
      long millis = outcome.token() == null ? inactiveMillis
          : Math.max(0, Math.min(ttlMillis, outcome.token().expiresAt().toEpochMilli() - clock.millis()));
      return TimeUnit.MILLISECONDS.toNanos(millis);
    }

    @Override
    public long expireAfterUpdate(Digest key, Outcome outcome, long currentTime, long currentDuration) {
      return expireAfterCreate(key, outcome, currentTime);
    }

    @Override
    public long expireAfterRead(Digest key, Outcome outcome, long currentTime, long currentDuration) {
      return currentDuration;
    }
  }

  /**
   * The introspection endpoint: configured, or found in the issuer's metadata in the background,
   * fetched over the introspection calls' TLS. Calls that present a client certificate use the
   * metadata's {@code mtls_endpoint_aliases} introspection endpoint when it has one (RFC 8705
   * section 5).
   */
  private static final class Endpoint {
    private final URI configured;
    private final URI issuer;
    private final Duration timeout;
    private final boolean allowInsecureHttp;
    private final Clock clock;
    private final SSLContext tls;
    private final boolean mutualTls;
    private CompletableFuture<URI> discovery;
    private long failedAtMillis;

    Endpoint(URI configured, URI issuer, Duration timeout, boolean allowInsecureHttp, Clock clock, SSLContext tls,
        boolean mutualTls) {
      this.configured = configured;
      this.issuer = issuer;
      this.timeout = timeout;
      this.allowInsecureHttp = allowInsecureHttp;
      this.clock = clock;
      this.tls = tls;
      this.mutualTls = mutualTls;
      if (configured == null) {
        discover();
      }
    }

    URI get() throws IntrospectionFailedException {
      if (configured != null) {
        return configured;
      }
      CompletableFuture<URI> found;
      synchronized (this) {
        if (discovery.isCompletedExceptionally() && clock.millis() - failedAtMillis >= RETRY_AFTER.toMillis()) {
          discover();
        }
        found = discovery;
      }
      try {
        return found.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        throw e.getCause() instanceof IntrospectionFailedException failed ? failed
            : new IntrospectionFailedException("The introspection endpoint could not be discovered.", false);
      } catch (TimeoutException e) {
        throw new IntrospectionFailedException("The introspection endpoint is not discovered yet: the issuer's metadata"
            + " has not arrived.", false);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IntrospectionFailedException("Interrupted while discovering the introspection endpoint.", false);
      }
    }

    private synchronized void discover() {
      CompletableFuture<URI> next = new CompletableFuture<>();
      discovery = next;
      Thread thread = new Thread(() -> {
        try {
          next.complete(fetch());
        } catch (IntrospectionFailedException e) {
          synchronized (this) {
            failedAtMillis = clock.millis();
          }
          next.completeExceptionally(e);
        }
      }, "portcullis-introspection-discovery");
      thread.setDaemon(true);
      thread.start();
    }

    private URI fetch() throws IntrospectionFailedException {
      IssuerMetadata.Document metadata;
      URI found;
      try {
        metadata = new IssuerMetadata(issuer, timeout, timeout, tls).fetch();
        IssuerMetadata.Document aliases = mutualTls ? metadata.section("mtls_endpoint_aliases").orElse(null) : null;
        found = aliases == null ? null : aliases.uri("introspection_endpoint").orElse(null);
        if (found == null) {
          found = metadata.uri("introspection_endpoint").orElse(null);
        }
      } catch (IOException e) {
        throw new IntrospectionFailedException(e.getMessage() + TrustedAuthorities.introspectionHint(e), false);
      }
      if (found == null) {
        throw new IntrospectionFailedException("The metadata of the issuer " + issuer + " at " + metadata.location()
            + " names no introspection_endpoint; set " + SettingsSource.describe("introspection-endpoint") + ".",
            false);
      }
      if (!UrlPolicy.isAllowed(found, allowInsecureHttp)) {
        throw new IntrospectionFailedException("The issuer's metadata names the introspection endpoint " + found
            + ", which is not an https URL (nor http to a loopback host); set "
            + SettingsSource.propertyName("allow-insecure-http") + "=true only if plain http is safe here.", false);
      }
      return found;
    }
  }
}
