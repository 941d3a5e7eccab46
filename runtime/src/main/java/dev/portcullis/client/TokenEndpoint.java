package dev.portcullis.client;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessTokenType;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.minidev.json.JSONObject;

/**
 * Sends token requests to one authorization server: builds them with Nimbus, authenticates the
 * client freshly for each attempt (so JWT assertions never repeat a {@code jti}), retries
 * connection failures, timeouts, 429 and 5xx with {@link RetryBackoff}, and turns every other
 * answer into issued tokens or a precise exception.
 */
final class TokenEndpoint {
  private static final System.Logger LOG = System.getLogger(TokenEndpoint.class.getName());

  /** An {@code expires_in} some servers send as a string. */
  private static final String INTEGER = "-?\\d{1,18}";

  private final OAuthClientSettings settings;
  private final ClientID clientId;
  private final RetryBackoff backoff;
  /**
   * The token types this client can send. A DPoP-bound token (RFC 9449) needs a proof with
   * every request, which the client does not make; once it can, DPoP joins Bearer here for
   * clients that ask for DPoP-bound tokens.
   */
  private final List<AccessTokenType> presentable = List.of(AccessTokenType.BEARER);
  private EndpointDiscovery.Endpoints discovered;

  TokenEndpoint(OAuthClientSettings settings) {
    this.settings = settings;
    this.clientId = new ClientID(settings.clientId());
    this.backoff = new RetryBackoff(settings.retryBackoff());
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
      return interpret(uri, response, scopes, sentAt);
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

  private IssuedTokens interpret(URI uri, HTTPResponse response, Set<String> scopes,
      Instant sentAt) {
    int status = response.getStatusCode();
    JSONObject json;
    try {
      json = JSONObjectUtils.parse(response.getBody() == null ? "" : response.getBody());
    } catch (ParseException e) {
      throw new TokenAcquisitionException("The token endpoint " + uri + " answered HTTP "
          + status + " with a body that is not a JSON object (content type "
          + response.getHeaderValue("Content-Type") + "). Check that the token endpoint URL"
          + " points at the authorization server's token endpoint.");
    }
    if (status != 200) {
      ErrorObject error = errorObject(json);
      if (error == null || error.getCode() == null) {
        throw new TokenAcquisitionException("The token endpoint " + uri + " answered HTTP "
            + status + " without an RFC 6749 error response. Check the token endpoint URL.");
      }
      throw new TokenRequestException(uri, error.getCode(), error.getDescription(),
          error.getURI(), status);
    }
    String type = presentableType(uri, json);
    Duration lifetime = lifetime(uri, json);
    // The lifetime is read above: Nimbus refuses a negative expires_in, which means expired.
    JSONObject withoutLifetime = new JSONObject(json);
    withoutLifetime.remove("expires_in");
    try {
      com.nimbusds.oauth2.sdk.token.AccessToken token = AccessTokenResponse.parse(
          withoutLifetime).getTokens().getAccessToken();
      String refresh = JSONObjectUtils.getString(json, "refresh_token", null);
      Set<String> granted = token.getScope() != null
          ? new LinkedHashSet<>(token.getScope().toStringList()) : scopes;
      LOG.log(System.Logger.Level.DEBUG, "Obtained an access token for client {0} from {1},"
          + " valid for {2}, scopes {3}, {4} refresh token.", clientId, uri, lifetime, granted,
          refresh == null ? "without" : "with");
      return new IssuedTokens(new AccessToken(token.getValue(), type, sentAt.plus(lifetime),
          granted), refresh, lifetime);
    } catch (ParseException e) {
      throw new TokenAcquisitionException("The token endpoint " + uri + " answered HTTP 200"
          + " with JSON that is not a valid token response: it needs a string \"access_token\""
          + " and a \"token_type\" (RFC 6749 section 5.1). Check the token endpoint URL.");
    }
  }

  /**
   * The response's {@code token_type} if this client can present such tokens, in its
   * registered spelling; a missing one is left to the token response parser to report.
   */
  private String presentableType(URI uri, JSONObject json) {
    Object reported = json.get("token_type");
    if (!(reported instanceof String)) {
      return null;
    }
    for (AccessTokenType type : presentable) {
      if (type.getValue().equalsIgnoreCase((String) reported)) {
        return type.getValue();
      }
    }
    boolean dpop = AccessTokenType.DPOP.getValue().equalsIgnoreCase((String) reported);
    throw new TokenAcquisitionException("The token endpoint " + uri + " issued an access token"
        + " of type \"" + reported + "\", but this client can present only "
        + presentable.stream().map(AccessTokenType::getValue).collect(Collectors.joining(", "))
        + " tokens" + (dpop ? ", and it sends no DPoP proofs (RFC 9449)" : "") + ". Configure"
        + " client " + clientId + " at the authorization server to be issued Bearer tokens.");
  }

  /**
   * The lifetime {@code expires_in} gives: zero, that is expired on arrival, when it is 0 or
   * negative; the configured default lifetime when it is absent.
   */
  private Duration lifetime(URI uri, JSONObject json) {
    Object expiresIn = json.get("expires_in");
    if (expiresIn == null) {
      return settings.defaultLifetime();
    }
    long seconds;
    if (expiresIn instanceof Number) {
      seconds = ((Number) expiresIn).longValue();
    } else if (expiresIn instanceof String && ((String) expiresIn).strip().matches(INTEGER)) {
      seconds = Long.parseLong(((String) expiresIn).strip());
    } else {
      throw new TokenAcquisitionException("The token endpoint " + uri + " answered with an"
          + " \"expires_in\" that is not a number of seconds (RFC 6749 section 5.1). Check the"
          + " token endpoint URL, or report the authorization server's answer as a bug.");
    }
    return seconds > 0 ? Duration.ofSeconds(seconds) : Duration.ZERO;
  }

  private static ErrorObject errorObject(JSONObject json) {
    try {
      return TokenErrorResponse.parse(json).getErrorObject();
    } catch (ParseException e) {
      return null;
    }
  }
}
