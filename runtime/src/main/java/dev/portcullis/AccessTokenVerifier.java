package dev.portcullis;

import dev.portcullis.internal.verification.KeysUnavailableException;
import dev.portcullis.internal.verification.TokenRejectedException;
import dev.portcullis.internal.verification.TokenVerifier;
import dev.portcullis.internal.verification.VerifiedToken;
import java.util.Objects;

/**
 * Verifies access tokens exactly as the generated filters do, for code that receives a token
 * outside a resource method: a WebSocket handshake, a message listener, a gRPC interceptor.
 * The same configuration, the same checks (signature with the issuer's keys, {@code iss},
 * {@code aud}, {@code exp}, {@code nbf}, token type, size) and the same cache of tokens
 * verified before. Scopes are not judged here: look at {@link TokenPrincipal#scopes()}.
 *
 * <p>Only bearer tokens pass. A sender-constrained token, bound to a DPoP key ({@code cnf.jkt},
 * RFC 9449) or to a client certificate ({@code cnf.x5t#S256}, RFC 8705), is refused: its proof or
 * certificate is not at hand here, and accepting the token without them would undo the binding.
 *
 * <pre>{@code
 * AccessTokenVerifier tokens = AccessTokenVerifier.create(PortcullisConfig.fromEnvironment());
 * try {
 *   TokenPrincipal caller = tokens.verify(bearerToken);
 *   if (!caller.scopes().contains("orders:read")) { ... refuse ... }
 * } catch (TokenVerificationException e) {
 *   // e.retryAfter() empty: the token is not valid (an HTTP API would answer 401 invalid_token);
 *   // present: the issuer's keys are unavailable, try again later (503)
 * }
 * }</pre>
 *
 * <p>Create one per configuration and share it; it is thread-safe. Creating it starts loading
 * the issuer's keys on a daemon thread of its own, which also refreshes them; {@link #close()}
 * ends that thread when the application stops (or is redeployed). A {@link PortcullisFeature} builds its own, so an
 * application that also registers the feature verifies with two key caches for one issuer.
 */
public final class AccessTokenVerifier implements AutoCloseable {
  private final TokenVerifier verifier;

  private AccessTokenVerifier(TokenVerifier verifier) {
    this.verifier = verifier;
  }

  /** A verifier for {@code config}; its issuer's keys start loading in the background. */
  public static AccessTokenVerifier create(PortcullisConfig config) {
    Objects.requireNonNull(config, "config");
    return new AccessTokenVerifier(new TokenVerifier(config, config.introspectionSettings(), config.issuerTls()));
  }

  /**
   * The verified token. Never contacts the authorization server, except to fetch its keys
   * again when a token names a key id it has not seen (at most as often as the key refresh
   * allows), and to wait briefly for the first load of the keys; with introspection configured,
   * asks the introspection endpoint about the tokens it introspects (at most once per token per
   * cache TTL, each call bounded by the HTTP timeout).
   *
   * @param token the access token itself, without the {@code Bearer } prefix
   * @throws TokenVerificationException when the token is not valid for this configuration, is
   *     bound to a DPoP key or a client certificate, or
   *     cannot be judged because the issuer's keys are unavailable ({@link
   *     TokenVerificationException#retryAfter()} tells which); its message is safe to send to
   *     the client and never contains the token
   * @throws NullPointerException if {@code token} is null
   */
  public TokenPrincipal verify(String token) throws TokenVerificationException {
    Objects.requireNonNull(token, "token");
    VerifiedToken verified;
    try {
      verified = verifier.verify(token);
    } catch (TokenRejectedException e) {
      throw new TokenVerificationException(e.getMessage(), null);
    } catch (KeysUnavailableException e) {
      throw new TokenVerificationException(e.getMessage(), e.retryAfter());
    }
    if (verified.dpopThumbprint() != null) {
      throw new TokenVerificationException(DPOP_BOUND, null);
    }
    if (verified.certificateThumbprint() != null) {
      throw new TokenVerificationException(CERTIFICATE_BOUND, null);
    }
    return verified;
  }

  private static final String DPOP_BOUND = "The token is DPoP-bound (it has a cnf.jkt claim), and"
      + " AccessTokenVerifier checks bearer tokens only; verify it where its DPoP proof arrives (a resource"
      + " method behind PortcullisFeature with portcullis.dpop allowed or required), or get a bearer token.";
  private static final String CERTIFICATE_BOUND = "The token is bound to a client certificate (it has a"
      + " cnf.x5t#S256 claim), and AccessTokenVerifier checks bearer tokens only; verify it where the TLS"
      + " client certificate is at hand (a resource method behind PortcullisFeature with"
      + " portcullis.certificate-bound-tokens allowed or required), or get a token that is not bound.";

  /**
   * Stops loading and refreshing the issuers' keys: their background threads end. Tokens can
   * still be verified with the keys loaded before until they expire from the key cache.
   */
  @Override
  public void close() {
    verifier.close();
  }
}
