package dev.portcullis.client;

import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPRequest;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;

/**
 * Sends token requests exactly once, and tells a request that surely did not reach the server
 * from one that may have.
 *
 * <p>Nimbus sends with {@code HttpURLConnection}, which sends a POST a second time, silently,
 * when the connection closes before an answer (the JDK's {@code sun.net.http.retryPost}, on by
 * default); a refresh token or authorization code sent twice looks like reuse to the
 * authorization server. Its streaming mode, which does not do that, cannot read a 401 answer
 * ({@code invalid_client}). {@link HttpClient} sends a POST again only when the connection
 * could not be made or the server said it did not process the request (HTTP/2 {@code
 * REFUSED_STREAM}), so whether to repeat a request is otherwise {@link TokenEndpoint}'s
 * decision alone. It follows no redirects, so client credentials go nowhere else.
 *
 * <p>The connect timeout bounds making the connection; the read timeout bounds the wait for
 * the whole answer, body included.
 */
final class OnceOnlySender implements HTTPRequestSender {
  /** Headers {@link HttpClient} sets itself and refuses from callers. */
  private static final Set<String> SET_BY_THE_CLIENT =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  /** The connection could not be made, so nothing of the request reached the server. */
  static final class NotSent extends IOException {
    private static final long serialVersionUID = 1L;

    NotSent(IOException cause) {
      super(cause.getMessage(), cause);
    }

    @Override
    public synchronized IOException getCause() {
      return (IOException) super.getCause();
    }
  }

  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final SSLContext tls;
  private HttpClient client;

  OnceOnlySender(Duration connectTimeout, Duration readTimeout) {
    this(connectTimeout, readTimeout, null);
  }

  /** Sends over TLS made with {@code tls} (mutual TLS), or the JDK's default when {@code null}. */
  OnceOnlySender(Duration connectTimeout, Duration readTimeout, SSLContext tls) {
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
    this.tls = tls;
  }

  /** The HTTP client, made on first use: it starts a thread, and many clients never send. */
  private synchronized HttpClient client() {
    if (client == null) {
      HttpClient.Builder builder = HttpClient.newBuilder();
      if (tls != null) {
        builder.sslContext(tls);
      }
      client = builder
          .connectTimeout(connectTimeout)
          .followRedirects(HttpClient.Redirect.NEVER)
          .version(HttpClient.Version.HTTP_1_1)
          .build();
    }
    return client;
  }

  @Override
  public ReadOnlyHTTPResponse send(ReadOnlyHTTPRequest request) throws IOException {
    HttpRequest.Builder builder = HttpRequest.newBuilder(request.getURI()).timeout(readTimeout)
        .method(request.getMethod().name(), request.getBody() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(request.getBody()));
    for (Map.Entry<String, List<String>> header : request.getHeaderMap().entrySet()) {
      if (!SET_BY_THE_CLIENT.contains(header.getKey().toLowerCase(Locale.ROOT))) {
        header.getValue().forEach(value -> builder.header(header.getKey(), value));
      }
    }
    return response(exchange(builder.build()));
  }

  private HttpResponse<String> exchange(HttpRequest request) throws IOException {
    CompletableFuture<HttpResponse<String>> answer =
        client().sendAsync(request, HttpResponse.BodyHandlers.ofString());
    try {
      // The request's timeout covers the wait for the headers only; this covers the body too.
      return answer.get(connectTimeout.toMillis() + readTimeout.toMillis(),
          TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw new HttpTimeoutException("The answer did not arrive within the read timeout.");
    } catch (InterruptedException e) {
      answer.cancel(true);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Interrupted while waiting for the token endpoint.");
    } catch (ExecutionException e) {
      Throwable failure = e.getCause();
      if (failure instanceof ConnectException || failure instanceof HttpConnectTimeoutException) {
        throw new NotSent((IOException) failure);
      }
      if (failure instanceof IOException) {
        throw (IOException) failure;
      }
      if (failure instanceof RuntimeException) {
        throw (RuntimeException) failure;
      }
      throw new IOException(failure);
    }
  }

  private static HTTPResponse response(HttpResponse<String> answer) {
    HTTPResponse response = new HTTPResponse(answer.statusCode());
    answer.headers().map().forEach((name, values) -> {
      if (!name.startsWith(":") && !values.isEmpty()) {
        response.setHeader(name, values.toArray(String[]::new));
      }
    });
    response.setBody(answer.body());
    return response;
  }
}
