package dev.portcullis.client;

import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.Token;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Sends token requests to one authorization server: builds them with Nimbus, authenticates the
 * client freshly for each attempt (so JWT assertions never repeat a {@code jti}), sends each
 * attempt once with {@link OnceOnlySender}, retries connection failures, timeouts, 429 and 5xx
 * with {@link RetryBackoff} (requests that spend a refresh token or an authorization code only
 * when they surely were not processed), and has {@link
 * TokenResponseReader} turn every other answer into issued tokens or a precise exception.
 *
 * <p>With a {@link DpopKey} every attempt carries a fresh DPoP proof (RFC 9449 section 5), and
 * an answer {@code 400 use_dpop_nonce} with a {@code DPoP-Nonce} header is sent once more with
 * that nonce, outside the count of attempts: the server refused it before looking at the grant,
 * so also a refresh token or an authorization code may be sent again.
 */
final class TokenEndpoint {
  private static final System.Logger LOG = System.getLogger(TokenEndpoint.class.getName());

  private final OAuthClientSettings settings;
  private final ClientID clientId;
  private final RetryBackoff backoff;
  private final OnceOnlySender sender;
  private final TokenResponseReader responses;
  private final DpopKey dpop;
  private EndpointDiscovery.Endpoints discovered;

  TokenEndpoint(OAuthClientSettings settings) {
    this(settings, null);
  }

  /** @param dpop the key that binds the tokens, or null for Bearer tokens */
  TokenEndpoint(OAuthClientSettings settings, DpopKey dpop) {
    this.settings = settings;
    this.clientId = new ClientID(settings.clientId());
    this.backoff = new RetryBackoff(settings.retryBackoff());
    this.sender = new OnceOnlySender(settings.connectTimeout(), settings.readTimeout(),
        settings.tls().map(ClientTls::sslContext).orElse(null));
    this.dpop = dpop;
    this.responses = new TokenResponseReader(settings.defaultLifetime(), clientId, dpop);
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
   * The RFC 7009 revocation endpoint: configured, or discovered from the issuer.
   *
   * @throws ClientConfigurationException if there is none
   */
  URI revocationEndpoint() {
    URI endpoint = settings.revocationEndpoint().orElseGet(
        () -> settings.issuer().isPresent() ? discovered().revocation : null);
    if (endpoint == null) {
      throw new ClientConfigurationException("Client " + settings.clientId() + " cannot revoke"
          + " tokens: it has no revocation endpoint"
          + (settings.issuer().isPresent() ? " and the metadata of issuer " + settings.issuer().get()
              + " names none (revocation_endpoint)" : "")
          + ". Configure it (revocation-endpoint, or revocationEndpoint(...) on the builder).");
    }
    return endpoint;
  }

  /**
   * The RFC 8628 device authorization endpoint: configured, or discovered from the issuer.
   *
   * @throws ClientConfigurationException if there is none
   */
  URI deviceAuthorizationEndpoint() {
    URI endpoint = settings.deviceAuthorizationEndpoint().orElseGet(
        () -> settings.issuer().isPresent() ? discovered().deviceAuthorization : null);
    if (endpoint == null) {
      throw new ClientConfigurationException("Client " + settings.clientId() + " cannot start a"
          + " device authorization: it has no device authorization endpoint"
          + (settings.issuer().isPresent() ? " and the metadata of issuer " + settings.issuer().get()
              + " names none (device_authorization_endpoint)" : "")
          + ". Configure it (device-authorization-endpoint, or deviceAuthorizationEndpoint(...)"
          + " on the builder).");
    }
    return endpoint;
  }

  /** Sends {@code request} once, with the timeouts of token requests. */
  HTTPResponse send(HTTPRequest request) throws IOException {
    return request.send(sender);
  }

  /**
   * Revokes {@code token} (RFC 7009), authenticating as the client; one attempt, as a token
   * already revoked is no harm to revoke again.
   *
   * @throws TokenAcquisitionException if the endpoint cannot be reached or refuses
   */
  void revoke(Token token, String what) {
    URI uri = revocationEndpoint();
    com.nimbusds.oauth2.sdk.auth.ClientAuthentication authentication = settings.authentication()
        .forRequest(clientId, uri, settings.clock().instant());
    TokenRevocationRequest request = authentication == null
        ? new TokenRevocationRequest(uri, clientId, token)
        : new TokenRevocationRequest(uri, authentication, token);
    HTTPResponse response;
    try {
      response = request.toHTTPRequest().send(sender);
    } catch (IOException e) {
      Throwable cause = e instanceof OnceOnlySender.NotSent ? e.getCause() : e;
      throw new TokenAcquisitionException("The revocation endpoint " + uri + " could not be"
          + " reached to revoke the " + what + " (" + cause.getClass().getSimpleName() + "). The"
          + " token is forgotten here but may still be valid at the authorization server until"
          + " it expires; try revoking again when the server is reachable.", e);
    }
    if (response.getStatusCode() == 200) {
      return;
    }
    ErrorObject error = ErrorObject.parse(response);
    String code = error.getCode() == null ? "" : " with error \"" + error.getCode() + "\"";
    String description = error.getDescription() == null ? "" : ": " + error.getDescription().strip();
    throw new TokenAcquisitionException("The revocation endpoint " + uri + " refused to revoke the "
        + what + code + " (HTTP " + response.getStatusCode() + ")" + description + ". The token is"
        + " forgotten here but may still be valid at the authorization server until it expires;"
        + " check the client's authentication and that the server supports revoking this kind"
        + " of token.");
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
          settings.connectTimeout(), settings.readTimeout(), settings.allowInsecureHttp(),
          settings.tls().map(ClientTls::sslContext).orElse(null));
    }
    return discovered;
  }

  ClientID clientId() {
    return clientId;
  }

  /**
   * Tokens for {@code grant} and {@code scopes}, after at most the configured attempts.
   *
   * <p>A refresh token or an authorization code is accepted once, so a request that spends one
   * is repeated only when it surely was not processed: the connection could not be made, or
   * the server answered 429 or 503 with {@code Retry-After}. After a timeout, a connection
   * closed before the answer or another 5xx the server may have used it, and sending it again
   * looks like reuse, which revokes the grant at servers that detect it (RFC 9700 section
   * 4.14.2, RFC 6749 section 4.1.2).
   */
  IssuedTokens request(AuthorizationGrant grant, Set<String> scopes, boolean sendAudiences) {
    URI uri = tokenEndpoint();
    boolean singleUse = grant instanceof RefreshTokenGrant
        || grant instanceof AuthorizationCodeGrant;
    int attempts = settings.maxAttempts();
    String lastProblem = null;
    Exception lastCause = null;
    Duration retryAfter = Duration.ZERO;
    boolean nonceRetried = false;
    boolean withNewNonce = false;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1 && !withNewNonce) {
        backoff.sleepAfter(attempt - 1, retryAfter);
      }
      withNewNonce = false;
      HTTPRequest request = build(uri, grant, scopes, sendAudiences).toHTTPRequest();
      if (dpop != null) {
        request.setDPoP(dpop.signedProof("POST", uri, null));
      }
      Instant sentAt = settings.clock().instant();
      HTTPResponse response;
      try {
        response = request.send(sender);
      } catch (IOException e) {
        boolean notSent = e instanceof OnceOnlySender.NotSent;
        lastCause = notSent ? ((OnceOnlySender.NotSent) e).getCause() : e;
        lastProblem = lastCause instanceof HttpTimeoutException ? "timed out"
            : lastCause instanceof ConnectException ? "refused the connection"
            : "failed with " + lastCause.getClass().getSimpleName();
        if (singleUse && !notSent) {
          throw notSentAgain(uri, grant, lastProblem, lastCause);
        }
        LOG.log(System.Logger.Level.WARNING, "Token request to {0} {1} (attempt {2} of {3}).",
            uri, lastProblem, attempt, attempts);
        continue;
      }
      int status = response.getStatusCode();
      if (dpop != null) {
        String nonce = response.getHeaderValue("DPoP-Nonce");
        dpop.rememberNonce(uri, nonce);
        if (status == 400 && nonce != null && !nonceRetried && asksForNonce(response)) {
          LOG.log(System.Logger.Level.DEBUG, "Token endpoint {0} asked for a DPoP nonce; sending"
              + " the request again with it.", uri);
          nonceRetried = true;
          withNewNonce = true;
          attempt--;
          continue;
        }
      }
      if (status == 429 || status >= 500) {
        lastProblem = "answered HTTP " + status;
        lastCause = null;
        String retryAfterHeader = response.getHeaderValue("Retry-After");
        if (singleUse && !((status == 429 || status == 503) && retryAfterHeader != null)) {
          throw notSentAgain(uri, grant, lastProblem, null);
        }
        retryAfter = RetryBackoff.retryAfter(retryAfterHeader);
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

  /** Whether a 400 answer is the RFC 9449 section 8 error {@code use_dpop_nonce}. */
  private static boolean asksForNonce(HTTPResponse response) {
    try {
      return "use_dpop_nonce".equals(TokenErrorResponse.parse(response).getErrorObject().getCode());
    } catch (com.nimbusds.oauth2.sdk.ParseException e) {
      return false;
    }
  }

  private static TokenAcquisitionException notSentAgain(URI uri, AuthorizationGrant grant,
      String problem, Exception cause) {
    boolean refresh = grant instanceof RefreshTokenGrant;
    String message = "The token endpoint " + uri + " " + problem + " on "
        + (refresh ? "a refresh token" : "an authorization code") + " request, which is not"
        + " sent again: the authorization server may have processed it, and "
        + (refresh ? "a refresh token" : "an authorization code") + " is accepted only once. "
        + (refresh ? "The next token request tries the refresh token again; if the server had"
            + " used it, the session has ended. Check"
            : "Start a new authorization request, and check")
        + " that the authorization server is up and answers within the read-timeout.";
    return cause == null ? new TokenAcquisitionException(message)
        : new TokenAcquisitionException(message, cause);
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
