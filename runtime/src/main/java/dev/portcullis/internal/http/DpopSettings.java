package dev.portcullis.internal.http;

import dev.portcullis.internal.verification.DpopProofs;
import java.net.URI;

/**
 * How a {@link RequestGuard} treats DPoP (RFC 9449) when it is allowed or required.
 *
 * @param required whether every token must come as {@code DPoP} with a proof
 * @param proofs checks the proofs and remembers their {@code jti}
 * @param algs the accepted proof algorithms, space-separated, for the {@code algs} parameter
 * @param resource the configured public base URL of the API, which {@code htu} is built on
 *     behind proxies, or {@code null} to use the URI the request arrived with
 */
public record DpopSettings(boolean required, DpopProofs proofs, String algs, URI resource) {}
