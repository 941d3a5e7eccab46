package dev.portcullis;

import java.util.Optional;

/**
 * A rule of your own for the tokens your API accepts (a tenant id, an {@code azp}, an {@code
 * acr}, ...), run after Portcullis' checks have passed: signature, issuer, audience, lifetime.
 * A token it refuses is answered {@code 401} with {@code error="invalid_token"} and the reason
 * as {@code error_description}, on every endpoint that needs a token.
 *
 * <pre>{@code
 * PortcullisConfig.builder()
 *     ...
 *     .validator(token -> "acme".equals(token.claims().get("tenant"))
 *         ? Optional.empty()
 *         : Optional.of("The token belongs to another tenant."))
 *     .build();
 * }</pre>
 *
 * <p>A validator judges each token once: a token it accepts is remembered by the token cache
 * like any other, so its verdict must depend on the token alone, not on the time or the
 * request. It is called from request threads at the same time and must be thread-safe. If it
 * throws, the token is refused ({@code 401}, a fixed description) and a warning naming the
 * validator's class is logged, without the exception's message, which could quote the token.
 */
@FunctionalInterface
public interface TokenValidator {
  /**
   * Why {@code token} must be refused, or empty to accept it. The reason is sent to the client
   * as it is: a full sentence naming no secret, in printable ASCII (other characters, {@code "}
   * and {@code \} are replaced in the header).
   */
  Optional<String> refusal(TokenPrincipal token);
}
