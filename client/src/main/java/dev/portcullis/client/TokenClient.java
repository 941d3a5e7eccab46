package dev.portcullis.client;

import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Token;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Obtains, caches and renews the access tokens of one OAuth client. Thread-safe; create one per
 * client and share it.
 *
 * <pre>{@code
 * TokenClient orders = TokenClient.create(OAuthClientSettings.builder("orders")
 *     .tokenEndpoint("https://idp.example.com/oauth2/token")
 *     .clientId("billing-service")
 *     .authentication(ClientAuthentication.clientSecretBasic(secret))
 *     .scopes("orders:read")
 *     .build());
 * AccessToken token = orders.token();              // cached until 60 s before expiry
 * TokenSource admin = orders.forScopes(Set.of("orders:admin"));  // its own cache slot
 * }</pre>
 *
 * <h2>Lifecycle</h2>
 * Tokens are cached per scope set and renewed {@link OAuthClientSettings#refreshAhead()} before
 * they expire (at most half-way through their lifetime). When the authorization server issued a
 * refresh token, renewal uses it, and a rotated refresh token replaces the one before for good.
 * If it is refused with {@code invalid_grant}, the configured grant is used again; the
 * refresh_token and authorization_code grants cannot be repeated, so their session has ended
 * and the refusal is thrown (a user must sign in again, or a new refresh token be configured).
 * A response without {@code expires_in} is taken to last {@link
 * OAuthClientSettings#defaultLifetime()} (default 300 seconds).
 *
 * <h2>Refresh tokens</h2>
 * With the refresh_token and authorization_code grants the client holds one authorization, so
 * every scope set renews with its one current refresh token, one request at a time; other
 * grants start a new authorization with each grant request, so each scope set (and subject)
 * keeps the refresh token its own request returned. A refresh token once replaced or refused
 * is never sent again, because servers with reuse detection (RFC 9700 section 4.14.2) revoke
 * the whole authorization when an old one comes back.
 *
 * <h2>Authorization code grant</h2>
 * With {@link Grant#authorizationCode(URI)}, send the user to {@link #authorizationRequest()}'s
 * URL, keep the {@link PendingAuthorization}, and pass the callback URL to {@link
 * #completeAuthorization}. Until then {@link #token()} throws {@link TokenAcquisitionException}.
 *
 * <h2>Asynchronous callers</h2>
 * {@link #tokenAsync()} completes at once with a cached token; otherwise the token request runs
 * on {@link OAuthClientSettings.Builder#executor the settings' executor} (by default a shared
 * pool of daemon threads) and the calling thread returns. Synchronous and asynchronous callers
 * share one request per scope set.
 *
 * <h2>DPoP</h2>
 * With {@link OAuthClientSettings#dpop()} every token request carries a DPoP proof (RFC 9449)
 * of {@link #dpopKey()}: the configured key, or an EC P-256 key generated for this client, so
 * two token clients of the same settings hold different keys. Refresh requests are signed with
 * the same key, as the refresh token is bound to it. A {@code 400 use_dpop_nonce} answer is
 * sent once more with the server's {@code DPoP-Nonce}; a token of any type but {@code DPoP} is
 * refused with {@link TokenAcquisitionException}. The tokens carry the key ({@link
 * AccessToken#dpopKey()}) for the proofs of the API calls.
 *
 * <h2>Device authorization grant</h2>
 * With {@link Grant#deviceCode()} (RFC 8628), show the user what {@link
 * #startDeviceAuthorization()} returns, and wait in {@link #completeDeviceAuthorization} while
 * they approve on another device.
 *
 * <h2>Keeping a user's authorization</h2>
 * A client created with a {@link TokenStore} and a key keeps the refresh token (and the access
 * token for the configured scopes) there, so that another client with the same store and key,
 * for example after a restart, continues without a new sign-in.
 *
 * <p>Failure semantics are those of {@link TokenSource}.
 */
public final class TokenClient implements TokenSource {
  private static final System.Logger LOG = System.getLogger(TokenClient.class.getName());

  private final OAuthClientSettings settings;
  private final TokenEndpoint endpoint;
  private final DpopKey dpop;
  private final RefreshTokenChain signedIn;
  private final TokenSlots cache;

  private final DeviceAuthorizationFlow deviceFlow;
  private final AtomicBoolean resumable = new AtomicBoolean(true);

  private TokenClient(OAuthClientSettings settings, TokenStore store, String key,
      DeviceAuthorizationFlow.Sleeper sleeper) {
    this.settings = settings;
    this.dpop = !settings.dpop() ? null : settings.dpopKey().orElseGet(DpopKey::generate);
    this.endpoint = new TokenEndpoint(settings, dpop);
    this.deviceFlow = new DeviceAuthorizationFlow(endpoint, settings, sleeper);
    Grant grant = settings.grant();
    this.signedIn = GrantRequests.livesOnRefreshToken(grant)
        ? new RefreshTokenChain(store, key, GrantRequests.initialRefreshToken(grant)) : null;
    this.cache = new TokenSlots(settings.clock(), settings.refreshAhead(), signedIn,
        this::fetch);
  }

  /**
   * A token client for {@code settings}; no request is made until the first token is asked.
   * The tokens of a signed-in user are kept in memory, in {@link TokenStore#inMemory()}.
   */
  public static TokenClient create(OAuthClientSettings settings) {
    return new TokenClient(Objects.requireNonNull(settings, "settings"), TokenStore.inMemory(),
        "default", DeviceAuthorizationFlow.Sleeper.SYSTEM);
  }

  /**
   * A token client for {@code settings} that keeps the user's authorization in {@code store}
   * under {@code key}: it continues an authorization saved there earlier (by another client or
   * before a restart) without a new sign-in, serving the saved access token while it is fresh,
   * and saves every new refresh token there (see {@link TokenStore} for rotation). With the
   * refresh_token grant the configured refresh token is saved only when the store holds
   * nothing under {@code key}. May read the store.
   *
   * @throws IllegalArgumentException if the grant is not one of a user's authorization
   *     (authorization_code, device_code, refresh_token), or {@code key} is blank
   */
  public static TokenClient create(OAuthClientSettings settings, TokenStore store, String key) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(store, "store");
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("The token store key is empty. Use a key that names"
          + " the user's authorization, such as the user's id.");
    }
    if (!GrantRequests.livesOnRefreshToken(settings.grant())) {
      throw new IllegalArgumentException("A token store keeps the authorization of a user, but"
          + " this client uses the " + settings.grant() + ", which obtains new tokens by"
          + " itself. Use the store with Grant.authorizationCode(...), Grant.deviceCode() or"
          + " Grant.refreshToken(...), or create the client without one.");
    }
    return new TokenClient(settings, store, key, DeviceAuthorizationFlow.Sleeper.SYSTEM);
  }

  /** A client whose device authorization polls wait with {@code sleeper}; for tests. */
  static TokenClient create(OAuthClientSettings settings, DeviceAuthorizationFlow.Sleeper sleeper) {
    return new TokenClient(settings, TokenStore.inMemory(), "default", sleeper);
  }

  /** The settings this client was created with. */
  public OAuthClientSettings settings() {
    return settings;
  }

  @Override
  public AccessToken token() {
    return token(settings.scopes(), false);
  }

  /**
   * {@link #token()} without blocking the calling thread: completes at once with a cached token,
   * else when the request made on the settings' executor answers; exceptionally with the
   * exceptions of {@link #token()}. Concurrent callers, synchronous or not, share one request.
   */
  @Override
  public CompletionStage<AccessToken> tokenAsync() {
    return tokenAsync(settings.scopes());
  }

  /**
   * A new token for the configured scopes, requested even if the cached one is still valid
   * (after the authorization server changed what the client may do, for example); it replaces
   * the cached one. Concurrent calls share one request.
   *
   * @throws TokenRequestException if the authorization server refused the request
   * @throws TokenAcquisitionException if no token could be obtained for another reason
   */
  public AccessToken newToken() {
    return token(settings.scopes(), true);
  }

  /**
   * Signs out (RFC 7009): forgets every token this client holds, then revokes them at the
   * authorization server's revocation endpoint, authenticating as the client: the refresh
   * token first (which, at most servers, ends the whole grant), then each cached access token.
   * The next {@link #token()} starts again with the grant; for the refresh_token and
   * authorization_code grants that means a new sign-in. Calls in flight while this runs may
   * still obtain a token.
   *
   * @throws ClientConfigurationException if there is no revocation endpoint (configured or in
   *     the issuer's metadata); nothing is forgotten then
   * @throws TokenAcquisitionException if a token could not be revoked (endpoint unreachable or
   *     refusing); every other token was still tried, and all are forgotten here
   */
  public void revoke() {
    endpoint.revocationEndpoint();
    List<String> refreshTokens = new ArrayList<>();
    if (signedIn != null) {
      String refreshToken = signedIn.end();
      if (refreshToken != null) {
        refreshTokens.add(refreshToken);
      }
    }
    TokenSlots.Taken taken = cache.takeAll();
    refreshTokens.addAll(taken.refreshTokens());
    TokenAcquisitionException first = null;
    for (String refreshToken : refreshTokens) {
      first = revoke(new RefreshToken(refreshToken), "refresh token", first);
    }
    for (String accessToken : taken.accessTokens()) {
      first = revoke(new BearerAccessToken(accessToken), "access token", first);
    }
    if (first != null) {
      throw first;
    }
  }

  private TokenAcquisitionException revoke(Token token, String what, TokenAcquisitionException first) {
    try {
      endpoint.revoke(token, what);
      return first;
    } catch (TokenAcquisitionException e) {
      if (first != null) {
        first.addSuppressed(e);
        return first;
      }
      return e;
    }
  }

  /** The key this client's DPoP proofs are signed with; empty when DPoP is off. */
  public Optional<DpopKey> dpopKey() {
    return Optional.ofNullable(dpop);
  }

  @Override
  public void invalidate(AccessToken rejected) {
    cache.invalidate(Objects.requireNonNull(rejected, "rejected"));
  }

  private AccessToken token(Set<String> scopes, boolean forceRefresh) {
    if (signedIn != null && scopes.equals(settings.scopes()) && resumable.getAndSet(false)) {
      resume();
    }
    SuppliedSubject subject = GrantRequests.supplySubject(settings.grant());
    return unexpired(cache.slot(scopes, subject).token(forceRefresh, subject));
  }

  private CompletionStage<AccessToken> tokenAsync(Set<String> scopes) {
    SuppliedSubject subject;
    try {
      // On the calling thread: the grant's suppliers may read what belongs to it (a request's
      // incoming token).
      subject = GrantRequests.supplySubject(settings.grant());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return cache.slot(scopes, subject).tokenAsync(false, subject, settings.executor())
        .thenApply(this::unexpired);
  }

  /**
   * Serves the access token saved in the store while it is fresh, so that a client continuing
   * an authorization makes no request until the token is due for renewal.
   */
  private void resume() {
    AccessToken saved = signedIn.savedAccessToken();
    if (saved != null && dpop != null && saved.isDpop() && saved.dpopKey().isEmpty()) {
      saved = saved.boundTo(dpop);  // a store that keeps the token's text, not the key object
    }
    Instant now = settings.clock().instant();
    if (saved != null && !saved.isExpiredAt(now)) {
      cache.slot(settings.scopes(), null).storeIfEmpty(
          new IssuedTokens(saved, null, Duration.between(now, saved.expiresAt())));
    }
  }

  /**
   * {@code token}, unless it expired before it could be used: the cache hands out only tokens
   * that have not, except one it has just obtained with {@code expires_in} of 0 or less.
   */
  private AccessToken unexpired(AccessToken token) {
    if (token.isExpiredAt(settings.clock().instant())) {
      throw new TokenAcquisitionException("The token endpoint " + endpoint.tokenEndpoint()
          + " issued client " + settings.clientId() + " an access token that had expired when"
          + " it arrived (expires_in of 0 or less, or shorter than the request took), so there"
          + " is no usable token. Give the client a longer access token lifetime at the"
          + " authorization server.");
    }
    return token;
  }

  /**
   * A token source for other scopes than the configured ones, sharing this client's endpoint
   * and cache: each distinct scope set has its own cached token. With the refresh_token and
   * authorization_code grants the tokens come from the one current refresh token, so the
   * authorization server only grants scopes the user or the refresh token covers (RFC 6749
   * section 6).
   */
  public TokenSource forScopes(Set<String> scopes) {
    Set<String> requested = Set.copyOf(scopes);
    return new TokenSource() {
      @Override
      public AccessToken token() {
        return TokenClient.this.token(requested, false);
      }

      @Override
      public CompletionStage<AccessToken> tokenAsync() {
        return TokenClient.this.tokenAsync(requested);
      }

      @Override
      public void invalidate(AccessToken rejected) {
        cache.invalidate(Objects.requireNonNull(rejected, "rejected"));
      }

      @Override
      public String toString() {
        return "TokenSource[client=" + settings.clientId() + ", scopes=" + scopes + "]";
      }
    };
  }

  /**
   * Starts the authorization code grant: a URL with a fresh {@code state} and PKCE S256
   * challenge. Keep the result until the callback.
   *
   * @throws IllegalStateException if the grant is not {@link Grant#authorizationCode(URI)}
   * @throws TokenAcquisitionException if the authorization endpoint cannot be discovered
   */
  public PendingAuthorization authorizationRequest() {
    URI redirectUri = requireAuthorizationCodeGrant();
    URI authorizationEndpoint = endpoint.authorizationEndpoint();
    if (authorizationEndpoint == null) {
      throw new TokenAcquisitionException("The authorization server metadata has no"
          + " authorization_endpoint. Configure the authorization endpoint directly.");
    }
    return AuthorizationCodeFlow.start(authorizationEndpoint, endpoint.clientId(), redirectUri,
        settings.scopes(), settings.resources());
  }

  /**
   * Completes the authorization code grant: checks that {@code callback} (the full redirect
   * URL) carries {@code pending}'s state and a code, exchanges the code with the PKCE verifier,
   * and caches the tokens, so that {@link #token()} returns them and later renews them.
   *
   * <p>The RFC 9207 {@code iss} of the callback must name the configured issuer when present,
   * and must be present when the endpoints were discovered from metadata that says {@code
   * authorization_response_iss_parameter_supported}: otherwise the code may come from another
   * authorization server (a mix-up attack).
   *
   * @throws TokenAcquisitionException if the state does not match, the callback's {@code iss}
   *     names another issuer or is missing where it is required (nothing is sent then), the
   *     callback carries an error, or the exchange fails
   * @throws TokenRequestException if the token endpoint refuses the code
   */
  public AccessToken completeAuthorization(PendingAuthorization pending, URI callback) {
    URI redirectUri = requireAuthorizationCodeGrant();
    IssuedTokens issued = endpoint.request(AuthorizationCodeFlow.grantFor(pending, callback,
        redirectUri, settings.issuer().orElse(null), endpoint.issuerRequiredInCallback()),
        settings.scopes(), true);
    signedIn.restart(issued, true);
    cache.slot(settings.scopes(), null).store(issued);
    return unexpired(issued.accessToken());
  }

  /**
   * Starts the device authorization grant (RFC 8628) for the configured scopes: show the user
   * the {@link DeviceAuthorization#userCode()} and {@link
   * DeviceAuthorization#verificationUri()}, then call {@link #completeDeviceAuthorization}.
   *
   * @throws IllegalStateException if the grant is not {@link Grant#deviceCode()}
   * @throws ClientConfigurationException if there is no device authorization endpoint
   *     (configured, or in the issuer's metadata)
   * @throws TokenAcquisitionException if the endpoint cannot be reached, refuses, or answers
   *     something that is not a device authorization response
   */
  public DeviceAuthorization startDeviceAuthorization() {
    requireGrant(Grant.DeviceCode.class, "Grant.deviceCode()", "approve a device");
    return deviceFlow.start();
  }

  /**
   * Completes the device authorization grant: polls the token endpoint until the user has
   * approved, waiting {@link DeviceAuthorization#interval()} before each poll and five seconds
   * longer after each {@code slow_down}, then caches the tokens, so that {@link #token()}
   * returns them and later renews them with the refresh token (saved in the {@link TokenStore}
   * like those of a sign-in). The calling thread sleeps between polls; interrupting it ends
   * the wait.
   *
   * @throws IllegalStateException if the grant is not {@link Grant#deviceCode()}
   * @throws TokenRequestException with {@link TokenRequestException#error()} {@code
   *     access_denied} if the user denied, {@code expired_token} if the code expired at the
   *     server, or another error the token endpoint answered
   * @throws TokenAcquisitionException if the code expired here before the user approved, the
   *     thread was interrupted (its interrupt status is set again), or the token endpoint
   *     could not be reached after the bounded retries
   */
  public AccessToken completeDeviceAuthorization(DeviceAuthorization authorization) {
    Objects.requireNonNull(authorization, "authorization");
    requireGrant(Grant.DeviceCode.class, "Grant.deviceCode()", "approve a device");
    IssuedTokens issued = deviceFlow.complete(authorization, settings.scopes());
    signedIn.restart(issued, true);
    cache.slot(settings.scopes(), null).store(issued);
    return unexpired(issued.accessToken());
  }

  private void requireGrant(Class<? extends Grant> type, String configure, String purpose) {
    if (!type.isInstance(settings.grant())) {
      throw new IllegalStateException("This client uses the " + settings.grant() + " grant."
          + " Configure " + configure + " to " + purpose + ".");
    }
  }

  private URI requireAuthorizationCodeGrant() {
    if (!(settings.grant() instanceof Grant.AuthorizationCode code)) {
      throw new IllegalStateException("This client uses the " + settings.grant() + " grant."
          + " Configure Grant.authorizationCode(redirectUri) to sign users in.");
    }
    return code.redirectUri();
  }

  private IssuedTokens fetch(Set<String> scopes, RefreshTokenChain refreshTokens,
      SuppliedSubject subject) {
    Grant grant = settings.grant();
    try {
      IssuedTokens refreshed = refreshTokens.refresh(refreshToken -> endpoint.request(
          new RefreshTokenGrant(new RefreshToken(refreshToken)), scopes, true),
          refreshTokens == signedIn && scopes.equals(settings.scopes()));
      if (refreshed != null) {
        return refreshed;
      }
    } catch (TokenRequestException e) {
      if (!"invalid_grant".equals(e.error())) {
        throw e;
      }
      if (GrantRequests.livesOnRefreshToken(grant)) {
        throw e.withFix("The refresh token is expired, revoked or already used, so the session"
            + " it belonged to has ended and it is never sent again; " + renewal(grant) + ".");
      }
      LOG.log(System.Logger.Level.INFO, "The refresh token of client {0} was refused"
          + " (invalid_grant); requesting a new token with the {1}.", settings.clientId(),
          grant);
    }
    if (GrantRequests.livesOnRefreshToken(grant)) {
      throw new TokenAcquisitionException("Client " + settings.clientId() + " has no usable"
          + " refresh token (its session has ended or not started), so " + renewal(grant)
          + ".");
    }
    IssuedTokens issued = endpoint.request(
        GrantRequests.toNimbus(grant, settings.audiences(), subject), scopes,
        !GrantRequests.carriesAudience(grant));
    refreshTokens.restart(issued, false);
    return issued;
  }

  /** How the session of a grant that lives on its refresh token is renewed. */
  private static String renewal(Grant grant) {
    return grant instanceof Grant.AuthorizationCode
        ? "a user must sign in: call authorizationRequest() and completeAuthorization(...)"
        : grant instanceof Grant.DeviceCode
        ? "a user must approve the device again: call startDeviceAuthorization() and"
            + " completeDeviceAuthorization(...)"
        : "a new refresh token is needed: configure one from a new sign-in"
            + " (Grant.refreshToken(...) or refresh-token) and create a new client";
  }

  @Override
  public String toString() {
    return "TokenClient[" + settings + "]";
  }
}
