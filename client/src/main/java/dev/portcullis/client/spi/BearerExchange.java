package dev.portcullis.client.spi;

import dev.portcullis.client.AccessToken;
import dev.portcullis.client.TokenRejection;
import dev.portcullis.client.TokenSource;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Sends one request with a bearer token and handles its rejection: after {@code 401} with
 * {@code error="invalid_token"} the token is invalidated and, when the request may be sent
 * again, it is replayed exactly once with a fresh token. The second answer is final.
 *
 * <p>The token is attached here rather than by registering {@link
 * dev.portcullis.client.BearerTokenFilter} on the caller's client: the exchange must know which
 * token the API rejected in order to invalidate exactly that one, a synchronous {@code Response}
 * does not carry the request's properties, and the caller's {@code Client} stays unchanged.
 */
final class BearerExchange {
  private final TokenSource tokens;
  private final boolean withToken;
  private final boolean mayReplay;

  /**
   * @param tokens where tokens come from
   * @param withToken false for {@code @Public} methods: nothing is attached or replayed
   * @param mayReplay whether the request is idempotent and its body can be sent again
   */
  BearerExchange(TokenSource tokens, boolean withToken, boolean mayReplay) {
    this.tokens = tokens;
    this.withToken = withToken;
    this.mayReplay = mayReplay;
  }

  /** Sends with {@code send}, which attaches the token it is given (null: none). */
  Response execute(Function<AccessToken, Response> send) {
    AccessToken token = withToken ? tokens.token() : null;
    Response response = send.apply(token);
    if (token != null && isInvalidToken(response)) {
      tokens.invalidate(token);
      if (mayReplay) {
        response.close();
        response = send.apply(tokens.token());
      }
    }
    return response;
  }

  /**
   * {@link #execute} for asynchronous sends, without blocking any thread on a token: tokens
   * come from {@link TokenSource#tokenAsync()}, for the first request on the calling thread (a
   * cached one at once) and for the replay on the thread that received the rejection. Failures,
   * a token that cannot be obtained included, complete the stage exceptionally.
   */
  CompletionStage<Response> executeAsync(Function<AccessToken, CompletionStage<Response>> send) {
    if (!withToken) {
      return sendSafely(send, null);
    }
    return tokenAsync()
        .thenCompose(
            token -> sendSafely(send, token)
                .thenCompose(
                    response -> {
                      if (!isInvalidToken(response)) {
                        return CompletableFuture.completedFuture(response);
                      }
                      tokens.invalidate(token);
                      if (!mayReplay) {
                        return CompletableFuture.completedFuture(response);
                      }
                      response.close();
                      return tokenAsync().thenCompose(fresh -> sendSafely(send, fresh));
                    }));
  }

  private CompletionStage<AccessToken> tokenAsync() {
    try {
      return tokens.tokenAsync();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static CompletionStage<Response> sendSafely(
      Function<AccessToken, CompletionStage<Response>> send, AccessToken token) {
    try {
      return send.apply(token);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static boolean isInvalidToken(Response response) {
    return TokenRejection.isInvalidToken(
        response.getStatus(), response.getStringHeaders().get(HttpHeaders.WWW_AUTHENTICATE));
  }
}
