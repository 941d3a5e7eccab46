package dev.portcullis.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

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
 * <h2>Without blocking the caller</h2>
 * {@link #tokenAsync()} is {@link #token()} for callers that must not wait, such as the
 * generated clients' methods returning {@code CompletionStage}: a cached token completes the
 * stage at once, and a token request runs on another thread. {@link TokenClient} shares one
 * request among synchronous and asynchronous callers alike.
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
   * {@link #token()} without blocking the calling thread: the stage completes with the token,
   * or exceptionally with the exception {@code token()} would throw ({@code join()} and {@code
   * get()} wrap it, as the cause of a {@code CompletionException} or {@code
   * ExecutionException}). The returned stage belongs to the caller alone: completing it does
   * not affect other callers or the cache.
   *
   * <p>{@link TokenClient} completes the stage at once with a cached token and otherwise
   * requests one on the executor of its settings ({@link OAuthClientSettings.Builder#executor}).
   * The default, for sources such as lambdas, calls {@code token()} on a shared pool of at most
   * 32 daemon threads ({@code portcullis-token-<n>}), which end after 60 idle seconds and never
   * keep the JVM from exiting; override it when {@code token()} never blocks or has an
   * asynchronous counterpart.
   */
  default CompletionStage<AccessToken> tokenAsync() {
    return CompletableFuture.supplyAsync(this::token, TokenThreads.SHARED);
  }

  /**
   * Discards {@code rejected} from the cache if it is still the cached token, so that the next
   * {@link #token()} obtains a new one. A token already replaced is left alone, which keeps
   * concurrent replays after the same {@code 401} from each requesting a new token. The default
   * does nothing, for sources that cache nothing.
   */
  default void invalidate(AccessToken rejected) {}
}
