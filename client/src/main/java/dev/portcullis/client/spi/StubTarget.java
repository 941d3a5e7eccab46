package dev.portcullis.client.spi;

import dev.portcullis.client.TokenSource;
import jakarta.ws.rs.client.WebTarget;
import java.util.Objects;

/**
 * The API a generated {@code <Interface>_OAuthStub} calls: the base {@link WebTarget} and the
 * {@link TokenSource} of its bearer tokens. Each stub method starts one {@link ClientCall} with
 * {@link #call(String, String)}.
 *
 * <p>Created by {@link dev.portcullis.client.OAuthClients}; application code does not use it.
 */
public final class StubTarget {
  private final WebTarget base;
  private final TokenSource tokens;
  private final boolean responsesThrow;

  /**
   * @param base the API's base URI, as a target of the JAX-RS client to send with
   * @param tokens where bearer tokens come from
   */
  public StubTarget(WebTarget base, TokenSource tokens) {
    this(base, tokens, false);
  }

  private StubTarget(WebTarget base, TokenSource tokens, boolean responsesThrow) {
    this.base = Objects.requireNonNull(base, "base");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.responsesThrow = responsesThrow;
  }

  /**
   * The same target, whose methods returning {@code Response} throw for answers outside 2xx
   * as the other methods do, instead of returning them.
   */
  public StubTarget throwingForErrorResponses() {
    return new StubTarget(base, tokens, true);
  }

  /**
   * Starts a request.
   *
   * @param httpMethod the HTTP method, such as {@code GET}
   * @param pathTemplate the path below the base URI with {@code {name}} templates, as computed
   *     at compile time from the type's and the method's {@code @Path}; empty for the base URI
   */
  public ClientCall call(String httpMethod, String pathTemplate) {
    WebTarget target = pathTemplate.isEmpty() ? base : base.path(pathTemplate);
    return new ClientCall(httpMethod, target, tokens, responsesThrow);
  }

  @Override
  public String toString() {
    return "StubTarget[" + base.getUri() + "]";
  }
}
