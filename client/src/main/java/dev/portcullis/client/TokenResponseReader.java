package dev.portcullis.client;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessTokenType;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import net.minidev.json.JSONObject;

/**
 * Reads the answers of a token endpoint (RFC 6749 sections 5.1 and 5.2) with Nimbus, and
 * decides what the client may do with the token: present it only if it is of a type the
 * client can send, and use it only for as long as {@code expires_in} says.
 */
final class TokenResponseReader {
  private static final System.Logger LOG =
      System.getLogger(TokenResponseReader.class.getName());

  /** An {@code expires_in} some servers send as a string. */
  private static final String INTEGER = "-?\\d{1,18}";

  /**
   * The token type this client accepts. A client that asked for DPoP-bound tokens accepts only
   * {@code DPoP}: RFC 9449 section 5 leaves it to the client to check {@code token_type}, and a
   * Bearer token from a server that ignored the proof would silently undo the binding the
   * client was configured for. A client without DPoP accepts only Bearer: it makes no proofs.
   */
  private final AccessTokenType presentable;
  private final Duration defaultLifetime;
  private final ClientID clientId;
  private final DpopKey dpop;

  TokenResponseReader(Duration defaultLifetime, ClientID clientId, DpopKey dpop) {
    this.defaultLifetime = defaultLifetime;
    this.clientId = clientId;
    this.dpop = dpop;
    this.presentable = dpop == null ? AccessTokenType.BEARER : AccessTokenType.DPOP;
  }

  /**
   * The tokens of a 200 answer; an RFC 6749 error answer as {@link TokenRequestException};
   * anything else as {@link TokenAcquisitionException} saying what is wrong.
   */
  IssuedTokens read(URI uri, HTTPResponse response, Set<String> scopes, Instant sentAt) {
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
          granted, dpop), refresh, lifetime);
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
    if (presentable.getValue().equalsIgnoreCase((String) reported)) {
      return presentable.getValue();
    }
    if (dpop != null) {
      throw new TokenAcquisitionException("The token endpoint " + uri + " issued an access token"
          + " of type \"" + reported + "\", but client " + clientId + " asked for a DPoP-bound"
          + " token (RFC 9449), and a token of another type would not be bound to its key. Make"
          + " the authorization server issue DPoP-bound tokens to this client (it must support"
          + " DPoP), or turn DPoP off for the client.");
    }
    boolean dpopIssued = AccessTokenType.DPOP.getValue().equalsIgnoreCase((String) reported);
    throw new TokenAcquisitionException("The token endpoint " + uri + " issued an access token"
        + " of type \"" + reported + "\", but this client can present only Bearer tokens"
        + (dpopIssued ? "; turn DPoP on for it (dpop) to present DPoP tokens (RFC 9449)" : "")
        + ". Configure client " + clientId + " at the authorization server to be issued Bearer tokens.");
  }

  /**
   * The lifetime {@code expires_in} gives: zero, that is expired on arrival, when it is 0 or
   * negative; the configured default lifetime when it is absent.
   */
  private Duration lifetime(URI uri, JSONObject json) {
    Object expiresIn = json.get("expires_in");
    if (expiresIn == null) {
      return defaultLifetime;
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
