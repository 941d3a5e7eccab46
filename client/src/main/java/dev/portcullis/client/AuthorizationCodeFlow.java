package dev.portcullis.client;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;

/**
 * The two halves of the authorization code grant with PKCE S256 (RFC 7636): the authorization
 * URL with a fresh {@code state} and code verifier, then the callback checks ({@code state},
 * and the RFC 9207 {@code iss}) and the code grant.
 */
final class AuthorizationCodeFlow {
  private AuthorizationCodeFlow() {}

  static PendingAuthorization start(URI authorizationEndpoint, ClientID clientId,
      URI redirectUri, Set<String> scopes, List<URI> resources) {
    State state = new State();
    CodeVerifier verifier = new CodeVerifier();
    AuthorizationRequest.Builder request = new AuthorizationRequest.Builder(ResponseType.CODE,
        clientId).endpointURI(authorizationEndpoint).redirectionURI(redirectUri).state(state)
        .codeChallenge(verifier, CodeChallengeMethod.S256);
    if (!scopes.isEmpty()) {
      request.scope(new Scope(scopes.toArray(String[]::new)));
    }
    if (!resources.isEmpty()) {
      request.resources(resources.toArray(URI[]::new));
    }
    return new PendingAuthorization(request.build().toURI(), state.getValue(),
        verifier.getValue());
  }

  /**
   * The code grant for the redirect {@code callback}, after checking that it answers {@code
   * pending}: its {@code state} must match, its {@code iss} must name {@code expectedIssuer}
   * when present and be present when {@code issuerRequired}, and it must carry a code rather
   * than an error.
   */
  static AuthorizationCodeGrant grantFor(PendingAuthorization pending, URI callback,
      URI redirectUri, URI expectedIssuer, boolean issuerRequired) {
    AuthorizationResponse response;
    try {
      response = AuthorizationResponse.parse(callback);
    } catch (ParseException e) {
      throw new TokenAcquisitionException("The authorization callback has neither a code nor an"
          + " error. Pass the full URL the authorization server redirected to.");
    }
    String returned = response.getState() == null ? "" : response.getState().getValue();
    if (!MessageDigest.isEqual(returned.getBytes(StandardCharsets.UTF_8),
        pending.state().getBytes(StandardCharsets.UTF_8))) {
      throw new TokenAcquisitionException("The state in the authorization callback does not"
          + " match the pending authorization request, so the callback may be forged or belong"
          + " to another sign-in. Start a new authorization request.");
    }
    // RFC 9207: an iss parameter naming another server reveals a mix-up attack, and so does
    // a missing one from a server that says it always sends it.
    if (issuerRequired && response.getIssuer() == null) {
      throw new TokenAcquisitionException("The authorization callback has no iss parameter,"
          + " but the metadata of issuer " + expectedIssuer + " says its authorization"
          + " responses carry one (authorization_response_iss_parameter_supported, RFC 9207),"
          + " so the code may have been obtained from another authorization server. Start a"
          + " new authorization request.");
    }
    if (expectedIssuer != null && response.getIssuer() != null
        && !response.getIssuer().getValue().equals(expectedIssuer.toString())) {
      throw new TokenAcquisitionException("The authorization callback comes from issuer "
          + response.getIssuer() + ", not " + expectedIssuer + ", so the code may have been"
          + " obtained from another authorization server. Start a new authorization request.");
    }
    if (!response.indicatesSuccess()) {
      AuthorizationErrorResponse error = response.toErrorResponse();
      throw new TokenAcquisitionException("The authorization server refused the authorization"
          + " request with error \"" + error.getErrorObject().getCode() + "\""
          + (error.getErrorObject().getDescription() == null ? ""
              : ": " + error.getErrorObject().getDescription()) + ". The user must sign in"
          + " again, or the client registration must allow this request.");
    }
    AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
    if (code == null) {
      throw new TokenAcquisitionException("The authorization callback carries no code. Request"
          + " the \"code\" response type.");
    }
    return new AuthorizationCodeGrant(code, redirectUri, new CodeVerifier(
        pending.codeVerifier()));
  }
}
