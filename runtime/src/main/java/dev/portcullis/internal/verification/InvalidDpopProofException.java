package dev.portcullis.internal.verification;

/**
 * Why a DPoP proof was not accepted (RFC 9449 section 4.3). The message is a fixed sentence
 * suitable for the {@code error_description} of a 401 {@code invalid_dpop_proof} answer: it
 * never contains proof, token or key text. No stack trace is kept.
 */
public final class InvalidDpopProofException extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean nonce;

  InvalidDpopProofException(String description) {
    this(description, false);
  }

  InvalidDpopProofException(String description, boolean nonce) {
    super(description, null, false, false);
    this.nonce = nonce;
  }

  /**
   * Whether the proof lacks a valid server nonce: answered {@code use_dpop_nonce} with a fresh
   * {@code DPoP-Nonce} (RFC 9449 section 9) instead of {@code invalid_dpop_proof}.
   */
  public boolean nonce() {
    return nonce;
  }
}
