package dev.portcullis.client;

/**
 * Supplies access tokens for calls to one protected API. Implementations are thread-safe.
 *
 * <p>A token source caches the token it obtained and answers later calls from the cache until
 * the token comes close to expiry; concurrent callers that find no usable token share a single
 * request to the token endpoint.
 *
 * <pre>{@code
 * TokenSource tokens = TokenClient.create(OAuthClientSettings.fromConfiguration("orders"));
 * AccessToken token = tokens.token();
 * }</pre>
 *
 * <p>Tokens that come from elsewhere (a fixed token in a test, a token another library holds)
 * are a lambda: {@code TokenSource tokens = () -> AccessToken.of(value, "Bearer", expiresAt,
 * scopes);}. Such a source has nothing to invalidate, so after a {@code 401 invalid_token} the
 * replay sends what the lambda returns next.
 *
 * <h2>Replaying a request once after {@code 401 invalid_token}</h2>
 * When an API rejects a token that looked valid (revoked, rotated keys), call {@link
 * #invalidate(AccessToken)} with the rejected token, then {@link #token()} for a fresh one, and
 * replay the request once. Never loop: a second rejection is the answer. Because {@code
 * invalidate} only discards the token if it is still the cached one, many concurrent callers
 * replaying after the same rejection cause one token request, not one each.
 *
 * <h2>Failure semantics</h2>
 * <ul>
 *   <li>{@link TokenRequestException}: the authorization server answered with an RFC 6749
 *       section 5.2 error ({@code invalid_client}, {@code invalid_grant}, ...). Not retried:
 *       the same request would fail again.
 *   <li>{@link TokenAcquisitionException}: the token endpoint could not be reached, timed out,
 *       answered 5xx after the bounded retries, or answered something that is not a token
 *       response. Connection failures, timeouts, 429 and 5xx answers have already been
 *       retried with exponential backoff (and any {@code Retry-After} up to 30 seconds) before
 *       this is thrown; a request that spends a refresh token or an authorization code only
 *       when it surely was not processed (no connection, or 429 or 503 with {@code
 *       Retry-After}), because the server accepts those once. Discovery failures are thrown as
 *       this too, and retried on the next call.
 *   <li>{@link ClientConfigurationException}: the issuer's metadata names an endpoint this
 *       client cannot use (none, a relative or non-http(s) URL, plain HTTP to another host
 *       when that is not allowed). The next call reads the metadata again.
 *   <li>While a renewal ahead of expiry fails but the cached token has not yet expired, the
 *       cached token is returned, the failure is logged, and renewal is tried again after
 *       5 seconds. Callers arriving while a renewal is in flight get the still-valid token
 *       without waiting; only an expired or invalidated token makes callers wait.
 * </ul>
 * Messages of these exceptions never contain tokens or secrets.
 */
@FunctionalInterface
public interface TokenSource {

  /**
   * A token that is valid now and not within the refresh-ahead window, from the cache when
   * possible.
   *
   * @throws TokenRequestException if the authorization server refused the request
   * @throws TokenAcquisitionException if no token could be obtained for another reason
   */
  AccessToken token();

  /**
   * Discards {@code rejected} from the cache if it is still the cached token, so that the next
   * {@link #token()} obtains a new one. A token already replaced is left alone, which keeps
   * concurrent replays after the same {@code 401} from each requesting a new token. The default
   * does nothing, for sources that cache nothing.
   */
  default void invalidate(AccessToken rejected) {}
}
