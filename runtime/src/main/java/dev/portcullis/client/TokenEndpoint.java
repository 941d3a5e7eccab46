package dev.portcullis.client;

import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Sends token requests to one authorization server: builds them with Nimbus, authenticates the
 * client freshly for each attempt (so JWT assertions never repeat a {@code jti}), retries
 * connection failures, timeouts, 429 and 5xx with {@link RetryBackoff}, and has {@link
 * TokenResponseReader} turn every other answer into issued tokens or a precise exception.
 */
final class TokenEndpoint {
  private static final System.Logger LOG = System.getLogger(TokenEndpoint.class.getName());

  private final OAuthClientSettings settings;
  private final ClientID clientId;
  private final RetryBackoff backoff;
  private final TokenResponseReader responses;
  private EndpointDiscovery.Endpoints discovered;

  TokenEndpoint(OAuthClientSettings settings) {
    this.settings = settings;
    this.clientId = new ClientID(settings.clientId());
    this.backoff = new RetryBackoff(settings.retryBackoff());
    this.responses = new TokenResponseReader(settings.defaultLifetime(), clientId);
  }

  /** The token endpoint: configured, or discovered once from the issuer. */
  URI tokenEndpoint() {
    return settings.tokenEndpoint().orElseGet(() -> discovered().token);
  }

  /** The authorization endpoint: configured, discovered from the issuer, or null. */
  URI authorizationEndpoint() {
    return settings.authorizationEndpoint().orElseGet(
        () -> settings.issuer().isPresent() ? discovered().authorization : null);
  }

  /**
   * Whether authorization responses must carry the RFC 9207 {@code iss} parameter: the
   * endpoints come from the issuer's metadata, and it says {@code
   * authorization_response_iss_parameter_supported}. With both endpoints configured the
   * metadata is not read.
   */
  boolean issuerRequiredInCallback() {
    boolean discovers = settings.tokenEndpoint().isEmpty()
        || settings.authorizationEndpoint().isEmpty();
    return settings.issuer().isPresent() && discovers && discovered().issuerInResponses;
  }

  /** The issuer's metadata, fetched on first use and kept; a failure is retried next time. */
  private synchronized EndpointDiscovery.Endpoints discovered() {
    if (discovered == null) {
      discovered = EndpointDiscovery.discover(settings.issuer().orElseThrow(),
          settings.connectTimeout(), settings.readTimeout(), settings.allowInsecureHttp());
    }
    return discovered;
  }

  ClientID clientId() {
    return clientId;
  }

  /** Tokens for {@code grant} and {@code scopes}, after at most the configured attempts. */
  IssuedTokens request(AuthorizationGrant grant, Set<String> scopes, boolean sendAudiences) {
    URI uri = tokenEndpoint();
    int attempts = settings.maxAttempts();
    String lastProblem = null;
    Exception lastCause = null;
    Duration retryAfter = Duration.ZERO;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1) {
        backoff.sleepAfter(attempt - 1, retryAfter);
      }
      HTTPRequest request = build(uri, grant, scopes, sendAudiences).toHTTPRequest();
      request.setConnectTimeout((int) settings.connectTimeout().toMillis());
      request.setReadTimeout((int) settings.readTimeout().toMillis());
      request.setFollowRedirects(false); // never forward client credentials to another URL
      Instant sentAt = settings.clock().instant();
      HTTPResponse response;
      try {
        response = request.send();
      } catch (IOException e) {
        lastProblem = e instanceof SocketTimeoutException ? "timed out"
            : e instanceof ConnectException ? "refused the connection"
            : "failed with " + e.getClass().getSimpleName();
        lastCause = e;
        LOG.log(System.Logger.Level.WARNING, "Token request to {0} {1} (attempt {2} of {3}).",
            uri, lastProblem, attempt, attempts);
        continue;
      }
      int status = response.getStatusCode();
      if (status == 429 || status >= 500) {
        lastProblem = "answered HTTP " + status;
        lastCause = null;
        retryAfter = RetryBackoff.retryAfter(response.getHeaderValue("Retry-After"));
        if (retryAfter.compareTo(RetryBackoff.CAP) > 0 && attempt < attempts) {
          throw new TokenAcquisitionException("The token endpoint " + uri + " answered HTTP "
              + status + " and asked to be retried after " + retryAfter.toSeconds() + " seconds,"
              + " longer than the " + RetryBackoff.CAP.toSeconds() + " seconds this client"
              + " waits. The authorization server is overloaded or down; try again later.");
        }
        LOG.log(System.Logger.Level.WARNING, "Token endpoint {0} {1} (attempt {2} of {3}).",
            uri, lastProblem, attempt, attempts);
        continue;
      }
      return responses.read(uri, response, scopes, sentAt);
    }
    String message = "The token endpoint " + uri + " " + lastProblem + " on all " + attempts
        + " attempts. Check that the authorization server is up and reachable from here, and"
        + " raise connect-timeout, read-timeout or max-attempts if it is slow.";
    throw lastCause == null ? new TokenAcquisitionException(message)
        : new TokenAcquisitionException(message, lastCause);
  }

  private TokenRequest build(URI uri, AuthorizationGrant grant, Set<String> scopes,
      boolean sendAudiences) {
    com.nimbusds.oauth2.sdk.auth.ClientAuthentication authentication = settings.authentication()
        .forRequest(clientId, uri, settings.clock().instant());
    TokenRequest.Builder builder = authentication == null
        ? new TokenRequest.Builder(uri, clientId, grant)
        : new TokenRequest.Builder(uri, authentication, grant);
    if (!scopes.isEmpty()) {
      builder.scope(new Scope(scopes.toArray(String[]::new)));
    }
    if (!settings.resources().isEmpty()) {
      builder.resources(settings.resources().toArray(URI[]::new));
    }
    if (sendAudiences && !settings.audiences().isEmpty()) {
      builder.customParameter("audience", settings.audiences().toArray(String[]::new));
    }
    return builder.build();
  }
}
