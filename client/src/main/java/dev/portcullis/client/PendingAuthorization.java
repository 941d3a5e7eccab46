package dev.portcullis.client;

import java.net.URI;
import java.util.Objects;

/**
 * An authorization code request in progress: the URL to send the user to, and the {@code
 * state} and PKCE code verifier that must be kept (for example in the user's server-side
 * session) until the authorization server redirects back. The verifier is a secret and is not
 * part of {@link #toString()}.
 *
 * @param url where to redirect the user's browser
 * @param state the value the callback must carry back unchanged
 * @param codeVerifier the PKCE verifier whose S256 challenge is in {@code url}
 */
public record PendingAuthorization(URI url, String state, String codeVerifier) {
  /** Checks that no component is missing. */
  public PendingAuthorization {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(codeVerifier, "codeVerifier");
  }

  @Override
  public String toString() {
    return "PendingAuthorization[url=" + url + ", state=" + state + ", codeVerifier=(redacted)]";
  }
}
