package dev.portcullis.internal.http;

import dev.portcullis.Dpop;
import dev.portcullis.PortcullisConfig.DpopPolicy;
import dev.portcullis.internal.verification.DpopProofs;
import java.net.URI;

/**
 * How a {@link RequestGuard} treats DPoP (RFC 9449): the API-wide policy, or an endpoint's
 * stricter one.
 *
 * @param policy whether DPoP is off, allowed beside bearer tokens, or required
 * @param proofs checks the proofs and remembers their {@code jti}; kept also when the policy is
 *     off, for the endpoints that ask for DPoP themselves
 * @param algs the accepted proof algorithms, space-separated, for the {@code algs} parameter
 * @param resource the configured public base URL of the API, which {@code htu} is built on
 *     behind proxies, or {@code null} to use the URI the request arrived with
 */
public record DpopSettings(DpopPolicy policy, DpopProofs proofs, String algs, URI resource) {

  /** Whether the {@code DPoP} scheme is accepted at all. */
  boolean accepted() {
    return policy != DpopPolicy.OFF;
  }

  /** Whether every token must come as {@code DPoP} with a proof. */
  boolean required() {
    return policy == DpopPolicy.REQUIRED;
  }

  /** These settings made as strict as {@code endpoint} asks, never looser. */
  DpopSettings atLeast(Dpop endpoint) {
    DpopPolicy asked = switch (endpoint) {
      case AS_CONFIGURED -> DpopPolicy.OFF;
      case ALLOWED -> DpopPolicy.ALLOWED;
      case REQUIRED -> DpopPolicy.REQUIRED;
    };
    // DpopPolicy lists its values from the loosest to the strictest.
    return asked.compareTo(policy) <= 0 ? this : new DpopSettings(asked, proofs, algs, resource);
  }
}
