package dev.portcullis.test;

import dev.portcullis.client.DpopKey;
import java.util.function.Supplier;

/**
 * One request of the conformance check and the answer it must get.
 *
 * @param description how the request differs, for example {@code with an expired token}
 * @param token signs the token to send, when the case runs; {@code null} for none
 * @param proofKey signs the DPoP proof the token is sent with, in the {@code DPoP} scheme;
 *     {@code null} to send it as a bearer token
 * @param expected what the security layer must answer
 */
record ConformanceCase(String description, Supplier<String> token, DpopKey proofKey, Expected expected) {
  /** A case that sends its token, if any, as a bearer token. */
  ConformanceCase(String description, Supplier<String> token, Expected expected) {
    this(description, token, null, expected);
  }

  /** {@code without a token: 401 with a Bearer challenge}. */
  String title() {
    return description + ": " + expected;
  }

  /**
   * {@code null} when {@code answer} is as expected; else one clause for the report, such as
   * {@code without a token answered 200, expected 401 with a Bearer challenge}.
   */
  String mismatch(ProbeAnswer answer) {
    if (answer.failure() == null && expected.isMetBy(answer)) {
      return null;
    }
    return description + " " + answer.describe() + ", expected " + expected + hint(answer);
  }

  private String hint(ProbeAnswer answer) {
    if (expected != Expected.LET_THROUGH && expected != Expected.NO_TOKEN_NEEDED
        && (answer.status() == 404 || answer.status() == 405)) {
      return " (the request reached no resource method: is the class deployed at this base URI, and does"
          + " each {template} of the path have a value?)";
    }
    if (expected == Expected.LET_THROUGH && answer.status() == 401 && proofKey != null) {
      return " (does the application take DPoP at this endpoint? Tell the check the application's"
          + " portcullis.dpop with dpop(...))";
    }
    if (expected == Expected.LET_THROUGH && answer.status() == 401) {
      return " (does the application trust this test issuer and its audience? Configure it with"
          + " issuer.config())";
    }
    return "";
  }
}
