package dev.portcullis.internal.http;

import dev.portcullis.TokenPrincipal;
import dev.portcullis.internal.verification.KeysUnavailableException;
import dev.portcullis.internal.verification.TokenRejectedException;
import dev.portcullis.internal.verification.TokenVerifier;
import dev.portcullis.internal.verification.VerifiedToken;
import dev.portcullis.spi.AccessRule;
import dev.portcullis.spi.TokenGuard;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The token work behind every generated filter: extracts the bearer token (RFC 6750 section
 * 2.1 only), verifies it, installs the {@link TokenSecurityContext} and answers RFC 6750
 * section 3 errors, each naming the RFC 9728 metadata when it is served, or 503 with {@code
 * Retry-After} when the token could not be judged for want of the issuer's keys. A verified
 * token is also kept as the thread's {@link CallerToken} until the request ends. Everything that can
 * be decided at startup (realm, challenge settings) is fixed in the constructor; one instance
 * serves every request.
 */
public final class RequestGuard implements TokenGuard {
  private static final System.Logger LOG = System.getLogger("dev.portcullis");

  private final TokenVerifier verifier;
  private final String realm;
  private final boolean scopeInChallenge;
  private final ProtectedResourceMetadata metadata;
  private final Clock clock;
  private final Duration clockSkew;

  /**
   * @param metadata the RFC 9728 metadata named in every challenge, or {@code null} when it is
   *     not served
   * @param clock the time step-up rules measure {@code auth_time} against
   * @param clockSkew added to every step-up rule's max age
   */
  public RequestGuard(TokenVerifier verifier, String realm, boolean scopeInChallenge,
      ProtectedResourceMetadata metadata, Clock clock, Duration clockSkew) {
    this.verifier = verifier;
    this.realm = realm;
    this.scopeInChallenge = scopeInChallenge;
    this.metadata = metadata;
    this.clock = clock;
    this.clockSkew = clockSkew;
  }

  @Override
  public TokenPrincipal authenticate(ContainerRequestContext request) throws IOException {
    BearerCredentials credentials = BearerExtractor.extract(
        request.getHeaders().get(HttpHeaders.AUTHORIZATION),
        request.getUriInfo().getQueryParameters(false).containsKey("access_token"));
    if (!(credentials instanceof BearerCredentials.InvalidRequest) && FormBodyCredentials.hasAccessToken(request)) {
      credentials = new BearerCredentials.InvalidRequest(
          "Access tokens are not accepted in the request body; send the token in the Authorization header.");
    }
    if (credentials instanceof BearerCredentials.Missing) {
      reject(request, BearerChallenge.missingToken(realm),
          "the request has no bearer token (no Authorization: Bearer header)");
      return null;
    }
    if (credentials instanceof BearerCredentials.InvalidRequest invalid) {
      reject(request, BearerChallenge.error(realm, BearerChallenge.Error.INVALID_REQUEST,
          invalid.description(), List.of()), invalid.description());
      return null;
    }
    if (credentials instanceof BearerCredentials.Malformed malformed) {
      reject(request, BearerChallenge.error(realm, BearerChallenge.Error.INVALID_TOKEN,
          malformed.description(), List.of()), malformed.description());
      return null;
    }
    String raw = ((BearerCredentials.Token) credentials).value();
    VerifiedToken token;
    try {
      token = verifier.verify(raw);
    } catch (TokenRejectedException e) {
      reject(request, BearerChallenge.error(realm, BearerChallenge.Error.INVALID_TOKEN, e.getMessage(), List.of()),
          e.getMessage());
      return null;
    } catch (KeysUnavailableException e) {
      LOG.log(System.Logger.Level.DEBUG, "Portcullis could not judge a token: {0}", e.getMessage());
      long seconds = (e.retryAfter().toMillis() + 999) / 1000;
      request.abortWith(BearerChallenge.unavailable(e.getMessage(), seconds));
      return null;
    }
    SecurityContext original = request.getSecurityContext();
    request.setSecurityContext(new TokenSecurityContext(token, original != null && original.isSecure()));
    CallerToken.set(raw);
    return token;
  }

  @Override
  public void forbid(ContainerRequestContext request, AccessRule rule) {
    reject(request, BearerChallenge.error(realm, BearerChallenge.Error.INSUFFICIENT_SCOPE,
        "The token does not grant the scope this endpoint requires.", scopeInChallenge ? rule.scopes() : List.of()),
        LOG.isLoggable(System.Logger.Level.DEBUG) ? missingScope(request, rule) : null);
  }

  @Override
  public void requireUserAuthentication(ContainerRequestContext request, AccessRule rule, TokenPrincipal token) {
    Optional<UserAuthenticationCheck.Shortfall> shortfall =
        UserAuthenticationCheck.shortfall(rule, token.claims(), clock.instant(), clockSkew);
    if (shortfall.isPresent()) {
      String description = shortfall.get().description;
      reject(request, BearerChallenge.insufficientUserAuthentication(realm, description, rule.acrValues(),
          rule.maxAge().orElse(-1)), "the endpoint requires " + rule.describe() + ": " + shortfall.get());
    }
  }

  private static String missingScope(ContainerRequestContext request, AccessRule rule) {
    SecurityContext security = request.getSecurityContext();
    if (security == null || !(security.getUserPrincipal() instanceof TokenPrincipal token)) {
      return "the endpoint requires " + rule.describe();
    }
    return "the endpoint requires " + rule.describe() + "; the token"
        + (token.clientId() == null ? "" : " of client " + token.clientId()) + " grants " + new TreeSet<>(token.scopes());
  }

  /** Answers 401 {@code invalid_token} after an unexpected failure, so that nothing passes. */
  public void failClosed(ContainerRequestContext request, Throwable e) {
    LOG.log(System.Logger.Level.WARNING, "Portcullis rejected a request after an unexpected {0}.",
        e.getClass().getName());
    reject(request, BearerChallenge.error(realm, BearerChallenge.Error.INVALID_TOKEN,
        "The token could not be verified.", List.of()), null);
  }

  /**
   * Aborts the request with {@code challenge} and says why at DEBUG: rejections are caused by
   * clients, so at a higher level anyone could fill the log. The path is logged raw (percent-
   * encoded), so that it cannot forge log lines; {@code why} never contains token text.
   */
  private void reject(ContainerRequestContext request, BearerChallenge challenge, String why) {
    if (why != null && LOG.isLoggable(System.Logger.Level.DEBUG)) {
      LOG.log(System.Logger.Level.DEBUG, "Portcullis answered {0} to {1} {2}: {3}", challenge.status(),
          request.getMethod(), request.getUriInfo().getRequestUri().getRawPath(), why);
    }
    BearerChallenge answer = challenge;
    if (metadata != null) {
      answer = challenge.withResourceMetadata(metadata.url());
    }
    request.abortWith(answer.toResponse());
  }
}
