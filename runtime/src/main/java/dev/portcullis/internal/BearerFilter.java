package dev.portcullis.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.util.List;

/**
 * Guards one resource method: extracts the bearer token, verifies it, checks the method's
 * scopes and installs the {@link TokenSecurityContext}. Everything that can be decided at
 * startup (the requirement, the challenge settings) is fixed in the constructor.
 *
 * <p>Fails closed: any exception while handling the token aborts with 401 invalid_token,
 * never 500 and never a pass.
 */
final class BearerFilter implements ContainerRequestFilter {
  private static final System.Logger LOG = System.getLogger(BearerFilter.class.getName());

  private final TokenVerifier verifier;
  private final ScopeRequirement requirement;
  private final String realm;
  private final List<String> challengeScopes;
  private final ProtectedResourceMetadata metadata;

  /**
   * @param metadata the RFC 9728 metadata named in every challenge, or {@code null} when it is
   *     not served
   */
  BearerFilter(TokenVerifier verifier, ScopeRequirement requirement, String realm, boolean scopeInChallenge,
      ProtectedResourceMetadata metadata) {
    this.verifier = verifier;
    this.metadata = metadata;
    this.requirement = requirement;
    this.realm = realm;
    this.challengeScopes = scopeInChallenge ? requirement.scopes() : List.of();
  }

  @Override
  public void filter(ContainerRequestContext request) {
    try {
      check(request);
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "Portcullis rejected a request after an unexpected {0}.",
          e.getClass().getName());
      reject(request, BearerChallenge.error(realm, BearerChallenge.Error.INVALID_TOKEN,
          "The token could not be verified.", List.of()));
    }
  }

  private void reject(ContainerRequestContext request, BearerChallenge challenge) {
    BearerChallenge answer = challenge;
    if (metadata != null) {
      answer = challenge.withResourceMetadata(metadata.url(request.getUriInfo().getBaseUri()));
    }
    request.abortWith(answer.toResponse());
  }

  private void check(ContainerRequestContext request) throws IOException {
    BearerCredentials credentials = BearerExtractor.extract(
        request.getHeaders().get(HttpHeaders.AUTHORIZATION),
        request.getUriInfo().getQueryParameters(false).containsKey("access_token"));
    if (!(credentials instanceof BearerCredentials.InvalidRequest) && FormBodyCredentials.hasAccessToken(request)) {
      credentials = new BearerCredentials.InvalidRequest(
          "Access tokens are not accepted in the request body; send the token in the Authorization header.");
    }
    if (credentials instanceof BearerCredentials.Missing) {
      reject(request, BearerChallenge.missingToken(realm));
      return;
    }
    if (credentials instanceof BearerCredentials.InvalidRequest invalid) {
      reject(request, BearerChallenge.error(realm, BearerChallenge.Error.INVALID_REQUEST,
          invalid.description(), List.of()));
      return;
    }
    if (credentials instanceof BearerCredentials.Malformed malformed) {
      reject(request, BearerChallenge.error(realm, BearerChallenge.Error.INVALID_TOKEN,
          malformed.description(), List.of()));
      return;
    }
    VerifiedToken token;
    try {
      token = verifier.verify(((BearerCredentials.Token) credentials).value());
    } catch (TokenRejectedException e) {
      LOG.log(System.Logger.Level.DEBUG, "Portcullis rejected a token: {0}", e.getMessage());
      reject(request, BearerChallenge.error(realm, BearerChallenge.Error.INVALID_TOKEN,
          e.getMessage(), List.of()));
      return;
    }
    if (!requirement.isSatisfiedBy(token.scopes())) {
      reject(request, BearerChallenge.error(realm, BearerChallenge.Error.INSUFFICIENT_SCOPE,
          "The token does not grant the scope this endpoint requires.", challengeScopes));
      return;
    }
    SecurityContext original = request.getSecurityContext();
    request.setSecurityContext(new TokenSecurityContext(token, original != null && original.isSecure()));
  }
}
