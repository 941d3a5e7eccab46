package dev.portcullis.client.spi;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.token.DPoPTokenError;
import dev.portcullis.client.AccessToken;
import dev.portcullis.client.DpopKey;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * What a request with a DPoP-bound token needs besides its {@code Authorization} header (RFC
 * 9449 section 7): a fresh proof for its method and URL with the token's hash in the {@code
 * DPoP} header, the newest {@code DPoP-Nonce} the API sent, and the recognition of the one
 * answer that asks for a nonce ({@code 401} with a {@code DPoP} challenge {@code
 * error="use_dpop_nonce"} and a {@code DPoP-Nonce} header, section 9).
 */
final class DpopRequests {
  static final String PROOF_HEADER = "DPoP";
  static final String NONCE_HEADER = "DPoP-Nonce";

  private DpopRequests() {}

  /**
   * Adds the {@code DPoP} proof for {@code method} on {@code uri} when {@code token} is a DPoP
   * token; nothing for other tokens.
   *
   * @throws IllegalStateException if the token is of type DPoP but carries no key to sign with
   */
  static void attachProof(Invocation.Builder request, AccessToken token, String method, URI uri) {
    if (token == null || !token.isDpop()) {
      return;
    }
    DpopKey key = token.dpopKey().orElseThrow(() -> new IllegalStateException("The access token"
        + " is of type DPoP, but its TokenSource gave no DpopKey to sign the proof every call"
        + " needs (RFC 9449). Use a TokenClient whose settings turn DPoP on, or return tokens"
        + " bound to a key from your TokenSource."));
    request.header(PROOF_HEADER, key.proof(method, uri, token.value()));
  }

  /**
   * Remembers the {@code DPoP-Nonce} of {@code response} for the next proofs to its server, and
   * says whether the answer asks for the request to be sent again with it.
   */
  static boolean rememberNonce(Response response, AccessToken token, URI uri) {
    if (token == null || token.dpopKey().isEmpty()) {
      return false;
    }
    String nonce = response.getHeaderString(NONCE_HEADER);
    token.dpopKey().get().rememberNonce(uri, nonce);
    return nonce != null && response.getStatus() == 401
        && asksForNonce(response.getStringHeaders().get(HttpHeaders.WWW_AUTHENTICATE));
  }

  private static boolean asksForNonce(List<String> challenges) {
    if (challenges == null) {
      return false;
    }
    for (String challenge : challenges) {
      if (challenge == null || !challenge.strip().toLowerCase(Locale.ROOT).startsWith("dpop")) {
        continue;
      }
      try {
        if (DPoPTokenError.USE_DPOP_NONCE.getCode().equals(DPoPTokenError.parse(challenge).getCode())) {
          return true;
        }
      } catch (ParseException | IllegalArgumentException malformed) {
        // not a reason to send again
      }
    }
    return false;
  }
}
