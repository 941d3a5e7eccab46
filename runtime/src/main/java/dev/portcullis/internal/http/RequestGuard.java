package dev.portcullis.internal.http;

import dev.portcullis.Dpop;
import dev.portcullis.TokenPrincipal;
import dev.portcullis.internal.verification.DpopProofs;
import dev.portcullis.internal.verification.InvalidDpopProofException;
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
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The token work behind every generated filter: extracts the bearer token (RFC 6750 section
 * 2.1 only), verifies it, installs the {@link TokenSecurityContext} and answers RFC 6750
 * section 3 errors, each naming the RFC 9728 metadata when it is served, or 503 with {@code
 * Retry-After} when the token could not be judged for want of the issuer's keys. A token bound
 * to a DPoP key or a client certificate (RFC 8705, checked by {@link CertificateBinding}) passes
 * only with that key or over that certificate, and is refused where the binding is off. A verified
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
  private final DpopSettings dpop;
  private final CertificateBinding certificates;

  /** The request property that says the request presented its token with the DPoP scheme. */
  static final String DPOP_PRESENTED = "dev.portcullis.dpop-presented";

  /**
   * @param metadata the RFC 9728 metadata named in every challenge, or {@code null} when it is
   *     not served
   * @param clock the time step-up rules measure {@code auth_time} against
   * @param clockSkew added to every step-up rule's max age
   * @param dpop how DPoP-bound tokens are accepted, or {@code null} when DPoP is off everywhere
   */
  public RequestGuard(TokenVerifier verifier, String realm, boolean scopeInChallenge,
      ProtectedResourceMetadata metadata, Clock clock, Duration clockSkew, DpopSettings dpop) {
    this(verifier, realm, scopeInChallenge, metadata, clock, clockSkew, dpop, null);
  }

  /**
   * As {@link #RequestGuard(TokenVerifier, String, boolean, ProtectedResourceMetadata, Clock,
   * Duration, DpopSettings)}, with certificate-bound tokens (RFC 8705) checked by {@code
   * certificates}, or refused when it is {@code null}.
   */
  public RequestGuard(TokenVerifier verifier, String realm, boolean scopeInChallenge,
      ProtectedResourceMetadata metadata, Clock clock, Duration clockSkew, DpopSettings dpop,
      CertificateBinding certificates) {
    this.certificates = certificates;
    this.verifier = verifier;
    this.realm = realm;
    this.scopeInChallenge = scopeInChallenge;
    this.metadata = metadata;
    this.clock = clock;
    this.clockSkew = clockSkew;
    this.dpop = dpop;
  }

  /**
   * This guard for an endpoint whose rule asks {@code endpoint} of DPoP: the same, or a copy that
   * accepts or requires DPoP where the API-wide policy is looser. Called once per endpoint, at
   * startup.
   *
   * @throws IllegalStateException when the endpoint asks for DPoP and this guard has no DPoP settings
   */
  public RequestGuard forEndpoint(Dpop endpoint) {
    if (endpoint == Dpop.AS_CONFIGURED) {
      return this;
    }
    if (dpop == null) {
      throw new IllegalStateException("An endpoint asks for DPoP " + endpoint + ", but no DPoP proofs are set up.");
    }
    DpopSettings stricter = dpop.atLeast(endpoint);
    return stricter == dpop ? this
        : new RequestGuard(verifier, realm, scopeInChallenge, metadata, clock, clockSkew, stricter, certificates);
  }

  @Override
  public TokenPrincipal authenticate(ContainerRequestContext request) throws IOException {
    BearerCredentials credentials = BearerExtractor.extract(
        request.getHeaders().get(HttpHeaders.AUTHORIZATION),
        request.getUriInfo().getQueryParameters(false).containsKey("access_token"), accepted());
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
    boolean presentedDpop = credentials instanceof BearerCredentials.DpopToken;
    if (presentedDpop) {
      request.setProperty(DPOP_PRESENTED, Boolean.TRUE);
    }
    String raw = presentedDpop ? ((BearerCredentials.DpopToken) credentials).value()
        : ((BearerCredentials.Token) credentials).value();
    if (accepted() && dpop.required() && !presentedDpop) {
      reject(request, BearerChallenge.error(realm, BearerChallenge.Error.INVALID_TOKEN, ONLY_DPOP, List.of()),
          ONLY_DPOP);
      return null;
    }
    String proofKey = null;
    if (presentedDpop) {
      try {
        proofKey = dpop.proofs().verify(request.getHeaders().get("DPoP"), request.getMethod(), htu(request), raw);
      } catch (InvalidDpopProofException e) {
        BearerChallenge challenge = BearerChallenge.error(realm, e.nonce() ? BearerChallenge.Error.USE_DPOP_NONCE
            : BearerChallenge.Error.INVALID_DPOP_PROOF, e.getMessage(), List.of());
        reject(request, e.nonce() ? challenge.withNonce(dpop.proofs().nonces().current()) : challenge, e.getMessage());
        return null;
      }
    }
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
    String bound = token.dpopThumbprint();
    String mismatch = presentedDpop
        ? bound == null ? NOT_BOUND : !bound.equals(proofKey) ? OTHER_KEY : null
        : bound != null ? accepted() ? BOUND_AS_BEARER : BOUND_BUT_OFF : null;
    if (mismatch != null) {
      reject(request, BearerChallenge.error(realm, BearerChallenge.Error.INVALID_TOKEN, mismatch, List.of()), mismatch);
      return null;
    }
    String certificateRefusal = certificates != null ? certificates.refusal(request, token.certificateThumbprint())
        : token.certificateThumbprint() != null ? CertificateBinding.BOUND_BUT_OFF : null;
    if (certificateRefusal != null) {
      reject(request, BearerChallenge.error(realm, BearerChallenge.Error.INVALID_TOKEN, certificateRefusal,
          List.of()), certificateRefusal);
      return null;
    }
    SecurityContext original = request.getSecurityContext();
    request.setSecurityContext(new TokenSecurityContext(token, original != null && original.isSecure()));
    if (presentedDpop && dpop.proofs().nonces() != null) {
      request.setProperty(DpopNonceFilter.NONCE, dpop.proofs().nonces().current());
    }
    CallerToken.set(raw);
    return token;
  }

  /** Whether the {@code DPoP} scheme is accepted here. */
  private boolean accepted() {
    return dpop != null && dpop.accepted();
  }

  private static final String ONLY_DPOP = "This API accepts only DPoP-bound access tokens; send"
      + " Authorization: DPoP <token> with a DPoP proof.";
  private static final String NOT_BOUND = "The token is not DPoP-bound (it has no cnf.jkt claim); send it as"
      + " Authorization: Bearer <token>, or get a DPoP-bound token.";
  private static final String OTHER_KEY = "The token is bound to another key than the one that signed the DPoP"
      + " proof (cnf.jkt); sign the proof with the key the token was issued for.";
  private static final String BOUND_AS_BEARER = "The token is DPoP-bound (it has a cnf.jkt claim); send it as"
      + " Authorization: DPoP <token> with a DPoP proof, not as Bearer.";
  private static final String BOUND_BUT_OFF = "The token is DPoP-bound (it has a cnf.jkt claim), and this endpoint"
      + " does not accept DPoP; get a bearer token for it.";

  /**
   * The request's URI as RFC 9449 section 4.3 compares it with {@code htu}: on the configured
   * resource URL when there is one (behind a proxy the request's own URI names the proxy's
   * upstream, not what the client addressed), else the request's own; normalised.
   */
  private String htu(ContainerRequestContext request) {
    URI requested = request.getUriInfo().getRequestUri();
    if (dpop.resource() == null) {
      return DpopProofs.htu(requested);
    }
    String basePath = request.getUriInfo().getBaseUri().getRawPath();
    String path = requested.getRawPath() == null ? "" : requested.getRawPath();
    String relative = basePath != null && path.startsWith(basePath) ? path.substring(basePath.length())
        : path.startsWith("/") ? path.substring(1) : path;
    String resource = dpop.resource().toString();
    return DpopProofs.htu(URI.create((resource.endsWith("/") ? resource : resource + "/") + relative));
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
    if (accepted()) {
      answer = answer.withDpop(realm, dpop.algs(),
          dpop.required() || Boolean.TRUE.equals(request.getProperty(DPOP_PRESENTED)));
    }
    if (metadata != null) {
      answer = answer.withResourceMetadata(metadata.url());
    }
    request.abortWith(answer.toResponse());
  }
}
