package dev.portcullis.client;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Objects;

/**
 * Adds {@code Authorization: Bearer <token>} from a {@link TokenSource} to every request of a
 * {@code jakarta.ws.rs.client.Client}, and records the token used as the request property
 * {@link #TOKEN_PROPERTY}, so that code handling a {@code 401 invalid_token} answer can {@link
 * TokenSource#invalidate(AccessToken) invalidate} exactly that token before its one replay.
 *
 * <pre>{@code
 * Client client = ClientBuilder.newClient().register(new BearerTokenFilter(tokens));
 * }</pre>
 *
 * <p>A DPoP-bound token ({@link AccessToken#isDpop()}) is sent as {@code Authorization: DPoP}
 * with a fresh proof of its {@link AccessToken#dpopKey() key} for the request's method and URL
 * in the {@code DPoP} header (RFC 9449 section 7). A filter cannot send a request again, so the
 * {@code use_dpop_nonce} retry is up to the caller: call {@link DpopKey#rememberNonce} with the
 * answer's {@code DPoP-Nonce} and send once more (the generated clients do this themselves).
 *
 * <p>If no token can be obtained, the {@link TokenAcquisitionException} propagates and the
 * JAX-RS client reports it as a {@code jakarta.ws.rs.ProcessingException} caused by it; the
 * request is not sent.
 */
public final class BearerTokenFilter implements ClientRequestFilter {
  /** Request property holding the {@link AccessToken} this filter attached. */
  public static final String TOKEN_PROPERTY = AccessToken.class.getName();

  private final TokenSource tokens;

  /** A filter that takes its tokens from {@code tokens}. */
  public BearerTokenFilter(TokenSource tokens) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
  }

  @Override
  public void filter(ClientRequestContext request) {
    AccessToken token = tokens.token();
    request.setProperty(TOKEN_PROPERTY, token);
    request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, token.authorizationHeader());
    if (token.isDpop()) {
      DpopKey key = token.dpopKey().orElseThrow(() -> new IllegalStateException("The access"
          + " token is of type DPoP, but its TokenSource gave no DpopKey to sign the proof (RFC"
          + " 9449). Use a TokenClient whose settings turn DPoP on."));
      request.getHeaders().putSingle("DPoP", key.proof(request.getMethod(), request.getUri(),
          token.value()));
    }
  }
}
