package dev.portcullis.client;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenIntrospectionErrorResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.TypelessAccessToken;
import dev.portcullis.internal.introspection.IntrospectionFailedException;
import dev.portcullis.internal.keys.TrustedAuthorities;
import dev.portcullis.internal.introspection.Introspector;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
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
 * One resource server's introspection calls: an RFC 7662 request made with the SDK, the client
 * authentication on it, sent once with the JDK's HTTP client over the configured TLS, if any
 * (no redirects, so credentials and tokens go nowhere else), the whole exchange bounded by the
 * timeout, and the answer checked by the SDK to be an introspection response. Failure messages
 * never contain the token, a credential or the answer's content. Thread-safe.
 */
final class HttpIntrospector implements Introspector {
  private static final Set<String> SET_BY_THE_CLIENT =
      Set.of("connection", "content-length", "expect", "host", "upgrade");
  /** Far above any introspection answer; a bigger one is not read further. */
  private static final int MAX_ANSWER_CHARS = 256 * 1024;

  private final ClientID clientId;
  private final ClientAuthentication authentication;
  private final Duration timeout;
  private final HttpClient client;
  private final SSLContext tls;

  /**
   * @param tls the TLS of the calls (the client certificate, the trusted authorities), or
   *     {@code null} for the JDK's default
   */
  HttpIntrospector(ClientID clientId, ClientAuthentication authentication, Duration timeout, SSLContext tls) {
    this.clientId = clientId;
    this.authentication = authentication;
    this.timeout = timeout;
    this.tls = tls;
    HttpClient.Builder builder = HttpClient.newBuilder()
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1);
    if (tls != null) {
      builder.sslContext(tls);
    }
    this.client = builder.build();
  }

  @Override
  public SSLContext tls() {
    return tls;
  }

  /** The media type of RFC 9701 answers. */
  private static final String JWT_ANSWER = "application/token-introspection+jwt";

  @Override
  public Map<String, Object> introspect(URI endpoint, String token) throws IntrospectionFailedException {
    HttpResponse<String> answer = exchange(endpoint, request(endpoint, token), "application/json");
    checkStatus(endpoint, answer);
    if (answer.body().length() > MAX_ANSWER_CHARS) {
      throw new IntrospectionFailedException("The introspection endpoint " + endpoint + " answered with more than "
          + MAX_ANSWER_CHARS + " characters.", false);
    }
    try {
      // The SDK checks that it is an introspection response (a JSON object with a boolean active).
      TokenIntrospectionResponse.parse(response(answer)).toSuccessResponse();
      // The members as the resource server reads a JWT's claims: the same JSON types.
      return com.nimbusds.jose.util.JSONObjectUtils.parse(answer.body());
    } catch (ParseException | java.text.ParseException | RuntimeException e) {
      throw new IntrospectionFailedException("The introspection endpoint " + endpoint + " answered with something"
          + " that is not an introspection response (a JSON object with a boolean active member).", false);
    }
  }

  @Override
  public String introspectAsJwt(URI endpoint, String token) throws IntrospectionFailedException {
    HttpResponse<String> answer = exchange(endpoint, request(endpoint, token), JWT_ANSWER);
    checkStatus(endpoint, answer);
    String type = answer.headers().firstValue("Content-Type").orElse("");
    if (!type.toLowerCase(Locale.ROOT).startsWith(JWT_ANSWER)) {
      throw new IntrospectionFailedException("The introspection endpoint " + endpoint + " answered with "
          + (type.isEmpty() ? "no content type" : printable(type)) + ", not a signed answer (" + JWT_ANSWER
          + ", RFC 9701); if the authorization server does not offer them, set"
          + " portcullis.introspection-jwt-response=false.", false);
    }
    if (answer.body().length() > MAX_ANSWER_CHARS) {
      throw new IntrospectionFailedException("The introspection endpoint " + endpoint + " answered with more than "
          + MAX_ANSWER_CHARS + " characters.", false);
    }
    return answer.body().strip();
  }

  private HTTPRequest request(URI endpoint, String token) {
    return new TokenIntrospectionRequest(endpoint,
        authentication.forRequest(clientId, endpoint, Instant.now()), new TypelessAccessToken(token))
        .toHTTPRequest();
  }

  private static HTTPResponse response(HttpResponse<String> answer) {
    HTTPResponse response = new HTTPResponse(answer.statusCode());
    answer.headers().firstValue("Content-Type").ifPresent(type -> {
      try {
        response.setContentType(type);
      } catch (ParseException e) {
        // left unset: parsing the body then says it is not JSON
      }
    });
    response.setBody(answer.body());
    return response;
  }

  /** Fails unless the answer's status is 200: a 4xx as a refusal of this API's request. */
  private static void checkStatus(URI endpoint, HttpResponse<String> answer) throws IntrospectionFailedException {
    int status = answer.statusCode();
    if (status >= 400 && status < 500) {
      String error = "";
      try {
        TokenIntrospectionErrorResponse refusal = TokenIntrospectionErrorResponse.parse(response(answer));
        if (refusal.getErrorObject() != null && refusal.getErrorObject().getCode() != null) {
          error = " with error \"" + printable(refusal.getErrorObject().getCode()) + "\"";
        }
      } catch (ParseException | RuntimeException e) {
        // no error code to quote
      }
      throw new IntrospectionFailedException("The introspection endpoint " + endpoint + " answered HTTP " + status
          + error + ".", true);
    }
    if (status != 200) {
      throw new IntrospectionFailedException("The introspection endpoint " + endpoint + " answered HTTP " + status
          + ".", false);
    }
  }

  private HttpResponse<String> exchange(URI endpoint, HTTPRequest request, String accept)
      throws IntrospectionFailedException {
    HttpRequest.Builder builder = HttpRequest.newBuilder(request.getURI()).timeout(timeout)
        .POST(HttpRequest.BodyPublishers.ofString(request.getBody()));
    for (Map.Entry<String, List<String>> header : request.getHeaderMap().entrySet()) {
      if (!SET_BY_THE_CLIENT.contains(header.getKey().toLowerCase(Locale.ROOT))) {
        header.getValue().forEach(value -> builder.header(header.getKey(), value));
      }
    }
    builder.setHeader("Accept", accept);
    CompletableFuture<HttpResponse<String>> answer =
        client.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofString());
    try {
      // The request's own timeout covers the wait for the headers only; this covers it all.
      return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw new IntrospectionFailedException("The introspection endpoint " + endpoint + " did not answer within "
          + timeout.toMillis() + " ms (portcullis.http-timeout).", false);
    } catch (InterruptedException e) {
      answer.cancel(true);
      Thread.currentThread().interrupt();
      throw new IntrospectionFailedException("Interrupted while waiting for the introspection endpoint.", false);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      String what = cause instanceof IOException && cause.getMessage() != null
          ? cause.getClass().getSimpleName() + " (" + cause.getMessage() + ")" : cause.getClass().getSimpleName();
      throw new IntrospectionFailedException("The introspection endpoint " + endpoint + " could not be reached: "
          + what + "." + TrustedAuthorities.introspectionHint(cause), false);
    }
  }

  private static String printable(String code) {
    return code.length() > 100 ? code.substring(0, 100) + "..." : code;
  }
}
