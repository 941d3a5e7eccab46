package dev.portcullis.internal.verification;

import dev.portcullis.PortcullisConfig;
import dev.portcullis.TrustedIssuer;
import dev.portcullis.internal.settings.SettingsSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the claims of a token whose signature is already verified and reads the principal
 * from them, straight from the parsed payload: no intermediate claims object is built. It is
 * the only place claims are judged: {@link TokenChecks} runs it as the claims verifier of
 * Nimbus' {@code DefaultJWTProcessor}, and the {@link TokenCache} applies its time rules again
 * on every hit. Nimbus' {@code DefaultJWTClaimsVerifier} is not used because it sees a {@code
 * JWTClaimsSet}, whose parsing has already accepted a non-string {@code sub} or a {@code null}
 * in {@code aud}, dropped the fraction of a second in {@code exp} and wrapped a huge {@code
 * exp} around to 1969, and whose parse errors do not say which claim is wrong.
 *
 * <ul>
 *   <li>The registered claims must have their RFC 7519 types: {@code iss}, {@code sub} and
 *       {@code jti} strings, {@code aud} a string or an array of strings, {@code exp},
 *       {@code nbf} and {@code iat} finite numbers (NumericDate). A claim of the wrong type
 *       rejects the token rather than being ignored.
 *   <li>{@code aud} must contain the configured audience; {@code exp} and {@code iss} are
 *       required, and {@code iss} must equal the configured issuer; any issuer passes only when
 *       the configuration says so explicitly ({@code accept-any-issuer}).
 *   <li>A token not typed as an access token ({@code typ} {@code JWT} or none, as Keycloak and
 *       Entra ID send them) must not carry the claims only an OpenID Connect ID token has:
 *       {@code nonce}, {@code at_hash}, {@code c_hash}. An ID token whose {@code aud} is the
 *       API's audience would otherwise pass for an access token (RFC 8725 section 3.11).
 *   <li>The token must be used before {@code exp} and not before {@code nbf}, both widened by
 *       the clock skew: rejected when {@code now >= exp + skew} or {@code now <= nbf - skew}
 *       ({@link #expired}, {@link #notYetValid}), which the {@link TokenCache} applies again on
 *       every hit.
 * </ul>
 *
 * <p>Scopes come from the configured scope claims, by default {@code scope} (RFC 9068: a
 * space-delimited string) and {@code scp} (a string or an array, as Entra ID and Okta send
 * them); roles from the configured role claims, by default the same. Thread-safe.
 */
final class ClaimsReader {
  /** About 146,000 years either side of the epoch: beyond any clock, far from overflow. */
  private static final long MAX_MILLIS = Long.MAX_VALUE / 2_000;
  /** An absent date: below every date a token can carry, so it never rejects an nbf check. */
  static final long NO_DATE = Long.MIN_VALUE / 2;

  /** Claims only an OpenID Connect ID token has (OIDC Core sections 2 and 3.3.2.11). */
  private static final List<String> ID_TOKEN_CLAIMS = List.of("nonce", "at_hash", "c_hash");

  private final String issuer;
  private final String audience;
  private final long skewMillis;
  private final List<ClaimPath> scopeClaims;
  private final List<ClaimPath> roleClaims;

  /**
   * @param issuer the only accepted {@code iss}, or {@code null} to accept any issuer (the
   *     claim is still required), which the configuration allows only when asked explicitly
   * @param scopeClaims where the scopes are
   * @param roleClaims where the roles are; the same list as {@code scopeClaims} when roles are
   *     the scopes
   */
  ClaimsReader(String issuer, String audience, long skewMillis, List<ClaimPath> scopeClaims,
      List<ClaimPath> roleClaims) {
    this.issuer = issuer;
    this.audience = audience;
    this.skewMillis = skewMillis;
    this.scopeClaims = List.copyOf(scopeClaims);
    this.roleClaims = List.copyOf(roleClaims);
  }

  /** The rules for the tokens of {@code issuer}, one of {@code config}'s resolved trusted issuers. */
  static ClaimsReader of(PortcullisConfig config, TrustedIssuer issuer) {
    List<String> scopePaths = issuer.scopeClaims().orElseThrow();
    List<String> rolePaths = issuer.roleClaims().orElseThrow();
    List<ClaimPath> scopeClaims = ClaimPath.parseAll(SettingsSource.propertyName("scope-claims"), scopePaths);
    List<ClaimPath> roleClaims = rolePaths.equals(scopePaths) ? scopeClaims
        : ClaimPath.parseAll(SettingsSource.propertyName("role-claims"), rolePaths);
    return new ClaimsReader(issuer.issuer().map(Object::toString).orElse(null), issuer.audience().orElseThrow(),
        config.clockSkew().toMillis(), scopeClaims, roleClaims);
  }

  /** Scopes from {@code scope} and {@code scp}, roles the same. */
  ClaimsReader(String issuer, String audience, long skewMillis) {
    this(issuer, audience, skewMillis, ClaimPath.DEFAULT, ClaimPath.DEFAULT);
  }

  /**
   * Checks {@code claims} and reads the principal.
   *
   * @param typedAccessToken whether the header's {@code typ} says access token ({@code at+jwt});
   *     otherwise ID token claims reject the token
   */
  VerifiedToken read(Map<String, Object> claims, long nowMillis, boolean typedAccessToken)
      throws TokenRejectedException {
    if (!typedAccessToken) {
      for (String idTokenClaim : ID_TOKEN_CLAIMS) {
        if (claims.containsKey(idTokenClaim)) {
          throw new TokenRejectedException("The token is an OpenID Connect ID token (it has a nonce, at_hash or"
              + " c_hash claim), not an access token.");
        }
      }
    }
    String iss = stringClaim(claims, "iss");
    String subject = stringClaim(claims, "sub");
    stringClaim(claims, "jti");
    Object aud = claims.get("aud");
    long expiresAt = dateClaim(claims, "exp", NO_DATE);
    long notBefore = dateClaim(claims, "nbf", NO_DATE);
    dateClaim(claims, "iat", NO_DATE);
    if (!audienceAccepted(aud)) {
      throw new TokenRejectedException("The token was not issued for this API (audience mismatch).");
    }
    if (expiresAt == NO_DATE) {
      throw new TokenRejectedException("The token lacks the exp claim, which access tokens must have.");
    }
    if (iss == null) {
      throw new TokenRejectedException("The token lacks the iss claim, which access tokens must have.");
    }
    if (issuer != null && !issuer.equals(iss)) {
      throw new TokenRejectedException("The token was not issued by the expected issuer.");
    }
    if (expired(nowMillis, expiresAt, skewMillis)) {
      throw new TokenRejectedException("The token has expired.");
    }
    if (notYetValid(nowMillis, notBefore, skewMillis)) {
      throw new TokenRejectedException("The token is not valid yet.");
    }
    Set<String> scopes = new LinkedHashSet<>();
    for (ClaimPath path : scopeClaims) {
      path.addTo(claims, scopes);
    }
    Set<String> roles = scopes;
    if (!roleClaims.equals(scopeClaims)) {
      roles = new LinkedHashSet<>();
      for (ClaimPath path : roleClaims) {
        path.addTo(claims, roles);
      }
    }
    String clientId = stringClaim(claims, "client_id");
    if (clientId == null) {
      clientId = stringClaim(claims, "azp");
    }
    return new VerifiedToken(subject, clientId, iss, scopes, roles, expiresAt, notBefore, claims);
  }

  /** Whether a token with {@code exp} at {@code expiresAtMillis} is expired at {@code nowMillis}. */
  static boolean expired(long nowMillis, long expiresAtMillis, long skewMillis) {
    return nowMillis >= expiresAtMillis + skewMillis;
  }

  /**
   * Whether a token with {@code nbf} at {@code notBeforeMillis} ({@link #NO_DATE} for none) is
   * not valid yet at {@code nowMillis}.
   */
  static boolean notYetValid(long nowMillis, long notBeforeMillis, long skewMillis) {
    return nowMillis <= notBeforeMillis - skewMillis;
  }

  private boolean audienceAccepted(Object aud) throws TokenRejectedException {
    if (aud == null || aud instanceof String) {
      return audience.equals(aud);
    }
    if (!(aud instanceof List)) {
      throw new TokenRejectedException("The token's aud claim is malformed.");
    }
    boolean found = false;
    for (Object one : (List<?>) aud) {
      if (!(one instanceof String)) {
        throw new TokenRejectedException("The token's aud claim is malformed.");
      }
      found |= audience.equals(one);
    }
    return found;
  }

  /**
   * A NumericDate claim in epoch milliseconds, or {@code absent} when the token does not have
   * it (a JSON null counts as absent, as for every claim). Fractions of a second are kept to
   * the millisecond; dates beyond any clock are held within a range where adding or taking
   * the skew cannot overflow.
   */
  private static long dateClaim(Map<String, Object> claims, String name, long absent) throws TokenRejectedException {
    Object value = claims.get(name);
    if (value == null) {
      return absent;
    }
    if (!(value instanceof Number) || !Double.isFinite(((Number) value).doubleValue())) {
      throw new TokenRejectedException("The token's " + name + " claim is malformed.");
    }
    return epochMillis((Number) value);
  }

  /** A finite NumericDate (seconds since the epoch) in milliseconds, clamped far from overflow. */
  static long epochMillis(Number seconds) {
    return (long) Math.max(-MAX_MILLIS, Math.min(MAX_MILLIS, seconds.doubleValue() * 1000.0));
  }


  private static String stringClaim(Map<String, Object> claims, String name) throws TokenRejectedException {
    Object value = claims.get(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String)) {
      throw new TokenRejectedException("The token's " + name + " claim is malformed.");
    }
    return (String) value;
  }
}
