package dev.portcullis.client.spi;

import dev.portcullis.client.AccessToken;
import dev.portcullis.client.TokenSource;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.GenericEntity;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * One HTTP request of a generated stub method: parameters are added in the order the method
 * declares them, then one {@code invoke} method sends it.
 *
 * <h2>Tokens and the one replay</h2>
 * Every request carries {@code Authorization: Bearer} with a token from the stub's {@link
 * TokenSource} (from its cache when possible; the synchronous methods obtain it on the calling
 * thread, the asynchronous ones with {@link TokenSource#tokenAsync()}, so their caller never
 * waits for the token endpoint), unless the method is {@code @Public}. When the API answers {@code 401} with {@code
 * error="invalid_token"}, the rejected token is {@linkplain TokenSource#invalidate(AccessToken)
 * invalidated}; a request with an idempotent method (GET, HEAD, OPTIONS, PUT, DELETE) whose body
 * can be sent again is then sent once more with a fresh token. Never more than once: a second
 * rejection is the answer. POST, PATCH and custom methods are not replayed, because the server
 * may have acted on them.
 *
 * <h2>DPoP</h2>
 * A DPoP-bound token ({@link AccessToken#isDpop()}) is sent as {@code Authorization: DPoP}
 * with a fresh proof of its {@link AccessToken#dpopKey() key} in the {@code DPoP} header, for
 * this request's method and URL (without query) and with the token's hash (RFC 9449 section 7).
 * The newest {@code DPoP-Nonce} the API answers with goes into the next proofs to it. When the
 * API answers {@code 401} with {@code error="use_dpop_nonce"} and a nonce, the request is sent
 * again once with that nonce, whatever its method (the API refused it before acting), unless
 * its body is a stream; at most once per call, so a call sends at most three requests: the
 * first, the one with the nonce, and the one replay after {@code invalid_token}.
 *
 * <h2>Failure semantics</h2>
 * <ul>
 *   <li>Any answer outside 2xx raises the matching {@link jakarta.ws.rs.WebApplicationException}
 *       subclass ({@code NotFoundException}, {@code ForbiddenException}, {@code
 *       NotAuthorizedException}, ...) with the response, its body buffered — except for {@link
 *       #invokeForResponse()}, which returns every answer as it is.
 *   <li>When no token can be obtained, the token source's exception ({@code
 *       TokenRequestException}, {@code TokenAcquisitionException}) propagates and nothing is sent.
 *   <li>Connection failures are the JAX-RS client's {@code ProcessingException}.
 *   <li>The asynchronous variants return at once (arguments are checked first, as above) and
 *       send with the JAX-RS client's {@code rx()}; their stage completes exceptionally with the
 *       same exceptions, which {@code join()} wraps in a {@code CompletionException}.
 * </ul>
 */
public final class ClientCall {
  private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE");

  private final String httpMethod;
  private final boolean responsesThrow;
  private final TokenSource tokens;
  private WebTarget target;
  private final List<String> accept = new ArrayList<>();
  private final List<Map.Entry<String, String>> headers = new ArrayList<>();
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private Form form;
  private Entity<?> entity;
  private boolean replayable = true;
  private boolean withToken = true;
  private int valueTemplates;
  private boolean nonceRetried;

  ClientCall(String httpMethod, WebTarget target, TokenSource tokens, boolean responsesThrow) {
    this.httpMethod = httpMethod;
    this.target = target;
    this.tokens = tokens;
    this.responsesThrow = responsesThrow;
  }

  /**
   * Fills the path template {@code {name}} with {@code value}, percent-encoded as one path
   * segment ({@code /} included).
   *
   * <p>Values that a server or proxy normalising the path would not keep as a segment are
   * refused before anything is sent: {@code .}, {@code ..} and the empty string, also when
   * followed by {@code ;} path parameters (some servers drop those before normalising). {@code
   * /orders/{id}} with {@code ..} would otherwise reach {@code /}, with the token meant for
   * {@code /orders}. Percent-encoded dots need no check: {@code %} itself is encoded.
   *
   * @throws IllegalArgumentException if {@code value} is null, empty, {@code .} or {@code ..}
   */
  public ClientCall pathParam(String name, Object value) {
    if (value == null) {
      throw new IllegalArgumentException(
          "The path parameter \"" + name + "\" is null; a request path cannot have an empty"
              + " segment. Pass a value, or declare @DefaultValue on the parameter.");
    }
    String segment = value.toString();
    String beforeParameters = segment.split(";", -1)[0];
    if (beforeParameters.isEmpty() || beforeParameters.equals(".")
        || beforeParameters.equals("..")) {
      throw new IllegalArgumentException("The path parameter \"" + name + "\" is "
          + (beforeParameters.isEmpty() ? "empty" : "\"" + beforeParameters + "\"")
          + (beforeParameters.length() < segment.length() ? " before a \";\"" : "")
          + ", which a server or proxy that normalises the path "
          + (beforeParameters.equals("..") ? "reads as the parent segment" : "drops")
          + ", so the request and its token would reach another resource. Refuse such values"
          + " before calling, or send them as a query parameter or in the body.");
    }
    target = target.resolveTemplate(name, segment, true);
    return this;
  }

  /** {@link #pathParam(String, Object)} with {@code defaultValue} for a null value. */
  public ClientCall pathParam(String name, Object value, String defaultValue) {
    return pathParam(name, value != null ? value : defaultValue);
  }

  /**
   * Adds a query parameter, percent-encoded ({@code &}, {@code =}, {@code %} and braces
   * included); a collection or array repeats it; null adds nothing.
   */
  public ClientCall queryParam(String name, Object value) {
    for (String each : values(value)) {
      String template = nextValueTemplate();
      target = target.queryParam(name, "{" + template + "}").resolveTemplate(template, each);
    }
    return this;
  }

  /** {@link #queryParam(String, Object)} with {@code defaultValue} for a null value. */
  public ClientCall queryParam(String name, Object value, String defaultValue) {
    return queryParam(name, value != null ? value : defaultValue);
  }

  /** Adds a matrix parameter to the last path segment, percent-encoded; a collection repeats it. */
  public ClientCall matrixParam(String name, Object value) {
    for (String each : values(value)) {
      String template = nextValueTemplate();
      target = target.matrixParam(name, "{" + template + "}").resolveTemplate(template, each);
    }
    return this;
  }

  /**
   * A fresh template name for one value. {@code WebTarget.queryParam} reads braces in a value
   * as a template and encodes only contextually (an existing {@code %41} stays); a value
   * resolved into a template is encoded completely. The prefix keeps the names apart from
   * the templates of {@code @Path}.
   */
  private String nextValueTemplate() {
    return "portcullis.value" + valueTemplates++;
  }

  /** {@link #matrixParam(String, Object)} with {@code defaultValue} for a null value. */
  public ClientCall matrixParam(String name, Object value, String defaultValue) {
    return matrixParam(name, value != null ? value : defaultValue);
  }

  /** Adds a request header; a collection adds one value each; null adds nothing. */
  public ClientCall headerParam(String name, Object value) {
    for (String each : values(value)) {
      headers.add(Map.entry(name, each));
    }
    return this;
  }

  /** {@link #headerParam(String, Object)} with {@code defaultValue} for a null value. */
  public ClientCall headerParam(String name, Object value, String defaultValue) {
    return headerParam(name, value != null ? value : defaultValue);
  }

  /** Sends a cookie; null sends none. */
  public ClientCall cookieParam(String name, Object value) {
    if (value != null) {
      cookies.put(name, value.toString());
    }
    return this;
  }

  /** {@link #cookieParam(String, Object)} with {@code defaultValue} for a null value. */
  public ClientCall cookieParam(String name, Object value, String defaultValue) {
    return cookieParam(name, value != null ? value : defaultValue);
  }

  /**
   * Adds a field to the {@code application/x-www-form-urlencoded} body; a collection repeats
   * it; null adds nothing.
   */
  public ClientCall formParam(String name, Object value) {
    if (form == null) {
      form = new Form();
      entity = Entity.form(form);
    }
    for (String each : values(value)) {
      form.param(name, each);
    }
    return this;
  }

  /** {@link #formParam(String, Object)} with {@code defaultValue} for a null value. */
  public ClientCall formParam(String name, Object value, String defaultValue) {
    return formParam(name, value != null ? value : defaultValue);
  }

  /** The media types of the {@code Accept} header, from {@code @Produces}. */
  public ClientCall accept(String... mediaTypes) {
    accept.addAll(List.of(mediaTypes));
    return this;
  }

  /** The request body, sent as {@code mediaType} (from {@code @Consumes}). */
  public ClientCall entity(Object body, String mediaType) {
    return setEntity(body, body, mediaType);
  }

  /** The request body of a generic type such as {@code List<Order>}. */
  public ClientCall entity(Object body, GenericType<?> type, String mediaType) {
    return setEntity(body == null ? null : new GenericEntity<>(body, type.getType()), body, mediaType);
  }

  private ClientCall setEntity(Object wrapped, Object body, String mediaType) {
    if (wrapped != null) {
      entity = Entity.entity(wrapped, MediaType.valueOf(mediaType));
      // A stream is consumed by the first attempt and cannot be sent again.
      replayable = !(body instanceof InputStream) && !(body instanceof Reader);
    }
    return this;
  }

  /** Sends no token: the method is {@code @Public}. */
  public ClientCall withoutToken() {
    withToken = false;
    return this;
  }

  /** Sends the request and reads a 2xx answer as {@code type}; {@code null} for no content. */
  public <T> T invoke(Class<T> type) {
    return readEntity(execute(), response -> response.readEntity(type));
  }

  /** Sends the request and reads a 2xx answer as {@code type}; {@code null} for no content. */
  public <T> T invoke(GenericType<T> type) {
    return readEntity(execute(), response -> response.readEntity(type));
  }

  /**
   * Sends the request and returns the answer whatever its status; the caller closes it. A client
   * built with {@code OAuthClients.Builder.responsesThrowOnError()} throws for answers outside
   * 2xx instead, as the other methods do.
   */
  public Response invokeForResponse() {
    return responseOrThrow(execute());
  }

  private Response responseOrThrow(Response response) {
    if (responsesThrow) {
      StatusExceptions.throwUnlessSuccessful(response);
    }
    return response;
  }

  /** Sends the request and checks that the answer is 2xx. */
  public void invokeWithoutResult() {
    try (Response response = execute()) {
      StatusExceptions.throwUnlessSuccessful(response);
    }
  }

  /** Asynchronous {@link #invoke(Class)}. */
  public <T> CompletionStage<T> invokeAsync(Class<T> type) {
    return executeAsync().thenApply(r -> readEntity(r, response -> response.readEntity(type)));
  }

  /** Asynchronous {@link #invoke(GenericType)}. */
  public <T> CompletionStage<T> invokeAsync(GenericType<T> type) {
    return executeAsync().thenApply(r -> readEntity(r, response -> response.readEntity(type)));
  }

  /** Asynchronous {@link #invokeForResponse()}. */
  public CompletionStage<Response> invokeAsyncForResponse() {
    return executeAsync().thenApply(this::responseOrThrow);
  }

  /** Asynchronous {@link #invokeWithoutResult()}. */
  public CompletionStage<Void> invokeAsyncWithoutResult() {
    return executeAsync()
        .thenApply(
            r -> {
              try (Response response = r) {
                StatusExceptions.throwUnlessSuccessful(response);
              }
              return null;
            });
  }

  private static <T> T readEntity(Response response, Function<Response, T> reader) {
    StatusExceptions.throwUnlessSuccessful(response);
    if (response.getStatus() == 204 || !response.hasEntity()) {
      response.close();
      return null;
    }
    return reader.apply(response);
  }

  private Response execute() {
    return exchange().execute(this::send);
  }

  private CompletionStage<Response> executeAsync() {
    return exchange().executeAsync(this::sendAsync);
  }

  private BearerExchange exchange() {
    return new BearerExchange(tokens, withToken, replayable && IDEMPOTENT.contains(httpMethod));
  }

  private Response send(AccessToken token) {
    Response response = sendOnce(token);
    if (DpopRequests.rememberNonce(response, token, target.getUri()) && mayRetryWithNonce()) {
      response.close();
      response = sendOnce(token);
      DpopRequests.rememberNonce(response, token, target.getUri());
    }
    return response;
  }

  private Response sendOnce(AccessToken token) {
    Invocation.Builder request = request(token);
    return entity == null ? request.method(httpMethod) : request.method(httpMethod, entity);
  }

  private CompletionStage<Response> sendAsync(AccessToken token) {
    return sendOnceAsync(token).thenCompose(response -> {
      if (DpopRequests.rememberNonce(response, token, target.getUri()) && mayRetryWithNonce()) {
        response.close();
        return sendOnceAsync(token).thenApply(again -> {
          DpopRequests.rememberNonce(again, token, target.getUri());
          return again;
        });
      }
      return CompletableFuture.completedFuture(response);
    });
  }

  private CompletionStage<Response> sendOnceAsync(AccessToken token) {
    Invocation.Builder request = request(token);
    return entity == null
        ? request.rx().method(httpMethod)
        : request.rx().method(httpMethod, entity);
  }

  /** Whether the one resend with a new DPoP nonce is still available; takes it if so. */
  private boolean mayRetryWithNonce() {
    if (nonceRetried || !replayable) {
      return false;
    }
    nonceRetried = true;
    return true;
  }

  private Invocation.Builder request(AccessToken token) {
    Invocation.Builder request = target.request();
    if (!accept.isEmpty()) {
      request.accept(accept.toArray(String[]::new));
    }
    for (Map.Entry<String, String> header : headers) {
      request.header(header.getKey(), header.getValue());
    }
    for (Map.Entry<String, String> cookie : cookies.entrySet()) {
      request.cookie(cookie.getKey(), cookie.getValue());
    }
    if (token != null) {
      request.header(HttpHeaders.AUTHORIZATION, token.authorizationHeader());
      DpopRequests.attachProof(request, token, httpMethod, target.getUri());
    }
    return request;
  }

  private static List<String> values(Object value) {
    List<String> values = new ArrayList<>();
    if (value instanceof Iterable<?> iterable) {
      for (Object each : iterable) {
        if (each != null) {
          values.add(each.toString());
        }
      }
    } else if (value instanceof Object[] array) {
      for (Object each : array) {
        if (each != null) {
          values.add(each.toString());
        }
      }
    } else if (value != null) {
      values.add(value.toString());
    }
    return values;
  }

  @Override
  public String toString() {
    return "ClientCall[" + httpMethod + " " + target.getUri() + "]";
  }
}
