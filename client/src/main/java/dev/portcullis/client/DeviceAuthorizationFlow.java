package dev.portcullis.client;

import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationRequest;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.device.DeviceCode;
import com.nimbusds.oauth2.sdk.device.DeviceCodeGrant;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The two halves of the device authorization grant (RFC 8628): the device authorization
 * request, then polling the token endpoint with the device code until the user approved,
 * denied, or the code expired. Polls wait the server's {@code interval}, five seconds longer
 * after each {@code slow_down} (section 3.5), by sleeping, so the wait can be interrupted.
 */
final class DeviceAuthorizationFlow {
  /** The interval of RFC 8628 section 3.2 when the server sends none. */
  static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
  private static final Duration SLOW_DOWN = Duration.ofSeconds(5);

  /** Waits between polls; tests pass one that advances their clock instead. */
  interface Sleeper {
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
  }

  private final TokenEndpoint endpoint;
  private final OAuthClientSettings settings;
  private final Sleeper sleeper;

  DeviceAuthorizationFlow(TokenEndpoint endpoint, OAuthClientSettings settings, Sleeper sleeper) {
    this.endpoint = endpoint;
    this.settings = settings;
    this.sleeper = sleeper;
  }

  /** Sends the device authorization request for the configured scopes. */
  DeviceAuthorization start() {
    URI uri = endpoint.deviceAuthorizationEndpoint();
    ClientID clientId = endpoint.clientId();
    Scope scope = settings.scopes().isEmpty() ? null
        : new Scope(settings.scopes().toArray(String[]::new));
    com.nimbusds.oauth2.sdk.auth.ClientAuthentication authentication = settings.authentication()
        .forRequest(clientId, endpoint.tokenEndpoint(), settings.clock().instant());
    HTTPRequest request = (authentication == null
        ? new DeviceAuthorizationRequest(uri, clientId, scope, resources())
        : new DeviceAuthorizationRequest(uri, authentication, scope, resources())).toHTTPRequest();
    Instant sentAt = settings.clock().instant();
    HTTPResponse response;
    try {
      response = endpoint.send(request);
    } catch (IOException e) {
      Throwable cause = e instanceof OnceOnlySender.NotSent ? e.getCause() : e;
      throw new TokenAcquisitionException("The device authorization endpoint " + uri + " could"
          + " not be reached (" + cause.getClass().getSimpleName() + "). Check that the"
          + " authorization server is up and reachable from here, then start again.", e);
    }
    DeviceAuthorizationResponse parsed;
    try {
      parsed = DeviceAuthorizationResponse.parse(response);
    } catch (ParseException e) {
      throw new TokenAcquisitionException("The device authorization endpoint " + uri
          + " answered HTTP " + response.getStatusCode() + " with something that is not a"
          + " device authorization response: it needs device_code, user_code,"
          + " verification_uri and expires_in (RFC 8628 section 3.2). Check that the endpoint"
          + " URL is the authorization server's device authorization endpoint.");
    }
    if (!parsed.indicatesSuccess()) {
      ErrorObject error = ((DeviceAuthorizationErrorResponse) parsed).getErrorObject();
      throw new TokenAcquisitionException("The device authorization endpoint " + uri
          + " refused the request with error \"" + error.getCode() + "\" (HTTP "
          + response.getStatusCode() + ")" + (error.getDescription() == null ? ""
              : ": " + error.getDescription().strip()) + ". Check that client "
          + settings.clientId() + " may use the device authorization grant and request these"
          + " scopes, and its authentication.");
    }
    DeviceAuthorizationSuccessResponse success = parsed.toSuccessResponse();
    if (success.getLifetime() <= 0) {
      throw new TokenAcquisitionException("The device authorization endpoint " + uri + " gave a"
          + " device code that expires in " + success.getLifetime() + " seconds, so the user"
          + " has no time to approve. Report the authorization server's answer as a bug.");
    }
    Duration interval = success.getInterval() > 0 ? Duration.ofSeconds(success.getInterval())
        : DEFAULT_INTERVAL;
    return new DeviceAuthorization(success.getDeviceCode().getValue(),
        success.getUserCode().getValue(), success.getVerificationURI(),
        success.getVerificationURIComplete(), sentAt.plusSeconds(success.getLifetime()),
        interval);
  }

  private Map<String, java.util.List<String>> resources() {
    return settings.resources().isEmpty() ? Map.of()
        : Map.of("resource", settings.resources().stream().map(URI::toString).toList());
  }

  /**
   * Polls the token endpoint until the user approved; see {@link
   * TokenClient#completeDeviceAuthorization}.
   */
  IssuedTokens complete(DeviceAuthorization authorization, Set<String> scopes) {
    Clock clock = settings.clock();
    Duration interval = authorization.interval();
    DeviceCodeGrant grant = new DeviceCodeGrant(new DeviceCode(authorization.deviceCode()));
    while (true) {
      if (!clock.instant().plus(interval).isBefore(authorization.expiresAt())) {
        throw new TokenAcquisitionException("The user did not approve the device authorization"
            + " before its code expired at " + authorization.expiresAt() + ". Start a new device"
            + " authorization and show the user the new code.");
      }
      try {
        sleeper.sleep(interval);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TokenAcquisitionException("Waiting for the user to approve the device"
            + " authorization was interrupted, so no token was obtained. Call"
            + " completeDeviceAuthorization again to go on waiting while the code is valid.", e);
      }
      try {
        return endpoint.request(grant, scopes, true);
      } catch (TokenRequestException e) {
        switch (e.error()) {
          case "authorization_pending":
            break;
          case "slow_down":
            interval = interval.plus(SLOW_DOWN);
            break;
          case "access_denied":
            throw e.withFix("The user denied the authorization. Start a new device"
                + " authorization if they want to try again.");
          case "expired_token":
            throw e.withFix("The device code expired before the user approved it. Start a new"
                + " device authorization and show the user the new code.");
          default:
            throw e;
        }
      }
    }
  }
}
