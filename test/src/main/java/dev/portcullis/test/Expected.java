package dev.portcullis.test;

/** What the security layer must answer to one request of a conformance case. */
enum Expected {
  /** No token: 401 with a {@code Bearer} challenge (RFC 6750 section 3). */
  CHALLENGE("401 with a Bearer challenge"),
  /** A token that must not be accepted: 401 {@code invalid_token}. */
  INVALID_TOKEN("401 invalid_token"),
  /** A valid token without the scopes the endpoint needs: 403 {@code insufficient_scope}. */
  INSUFFICIENT_SCOPE("403 insufficient_scope"),
  /**
   * A valid token with the scopes whose user authentication falls short of the step-up the
   * endpoint asks for: 401 {@code insufficient_user_authentication} (RFC 9470).
   */
  INSUFFICIENT_USER_AUTHENTICATION("401 insufficient_user_authentication"),
  /** No token, at an endpoint that requires DPoP: 401 with a {@code DPoP} challenge alone (RFC 9449 section 7.1). */
  DPOP_CHALLENGE("401 with a DPoP challenge"),
  /**
   * A token refused at an endpoint that requires DPoP: a bearer token, or a DPoP-bound one with
   * another key's proof: 401 {@code invalid_token} in the {@code DPoP} scheme, the only challenge.
   */
  DPOP_ONLY("401 invalid_token with a DPoP challenge"),
  /**
   * A DPoP-bound token with another key's proof, at an endpoint that also takes bearer tokens:
   * 401 with {@code invalid_token} in the {@code DPoP} challenge.
   */
  DPOP_INVALID_TOKEN("401 invalid_token in the DPoP challenge"),
  /** A DPoP-bound token with a proof but without the scopes: 403 {@code insufficient_scope} in the {@code DPoP} challenge. */
  DPOP_INSUFFICIENT_SCOPE("403 insufficient_scope in the DPoP challenge"),
  /** A token that satisfies the rule: neither 401 nor 403; the application decides the rest. */
  LET_THROUGH("neither 401 nor 403"),
  /** A public endpoint without a token: anything but 401. */
  NO_TOKEN_NEEDED("anything but 401");

  private final String description;

  Expected(String description) {
    this.description = description;
  }

  /** Whether {@code answer} is what this expects. */
  boolean isMetBy(ProbeAnswer answer) {
    int status = answer.status();
    switch (this) {
      case CHALLENGE:
        return status == 401 && answer.firstChallengeIs("Bearer");
      case INVALID_TOKEN:
        return status == 401 && answer.firstChallengeIs("Bearer") && answer.hasError("Bearer", "invalid_token");
      case INSUFFICIENT_SCOPE:
        return status == 403 && answer.firstChallengeIs("Bearer") && answer.hasError("Bearer", "insufficient_scope");
      case INSUFFICIENT_USER_AUTHENTICATION:
        return status == 401 && answer.firstChallengeIs("Bearer")
            && answer.hasError("Bearer", "insufficient_user_authentication");
      case DPOP_CHALLENGE:
        return status == 401 && answer.firstChallengeIs("DPoP");
      case DPOP_ONLY:
        return status == 401 && answer.firstChallengeIs("DPoP") && answer.challenge("Bearer").isEmpty()
            && answer.hasError("DPoP", "invalid_token");
      case DPOP_INVALID_TOKEN:
        return status == 401 && answer.hasError("DPoP", "invalid_token");
      case DPOP_INSUFFICIENT_SCOPE:
        return status == 403 && answer.hasError("DPoP", "insufficient_scope");
      case LET_THROUGH:
        return status != 401 && status != 403;
      default:
        return status != 401;
    }
  }

  @Override
  public String toString() {
    return description;
  }
}
