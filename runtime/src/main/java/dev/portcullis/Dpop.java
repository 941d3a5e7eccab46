package dev.portcullis;

/**
 * What one endpoint asks of DPoP (RFC 9449), beside the API-wide {@code portcullis.dpop} setting
 * ({@link PortcullisConfig.DpopPolicy}): {@code @RequiresScope(value = "payments:write", dpop =
 * Dpop.REQUIRED)}.
 *
 * <p>An endpoint can only make the setting stricter, never looser: the endpoint gets the stricter
 * of the two. {@code REQUIRED} on an endpoint of an API configured {@code off} accepts only
 * DPoP-bound tokens there; {@code ALLOWED} on an endpoint of an API configured {@code required}
 * still requires DPoP. A DPoP-bound token sent as {@code Bearer} is refused everywhere.
 */
public enum Dpop {
  /** As {@code portcullis.dpop} says for the whole API: the default. */
  AS_CONFIGURED,
  /** Accepts DPoP-bound tokens with a proof beside bearer tokens, also when the API is configured {@code off}. */
  ALLOWED,
  /** Accepts only DPoP-bound tokens with a proof, whatever the API is configured with. */
  REQUIRED
}
