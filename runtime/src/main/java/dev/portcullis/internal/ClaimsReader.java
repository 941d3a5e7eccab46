package dev.portcullis.internal;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the principal from verified claims. Scopes come from {@code scope} (RFC 9068: a
 * space-delimited string) and {@code scp} (a string or an array, as Entra ID and Okta send
 * them). A claim of the wrong type rejects the token rather than granting less or more.
 */
final class ClaimsReader {
  private ClaimsReader() {}

  static VerifiedToken read(JWTClaimsSet claims) throws TokenRejectedException {
    Set<String> scopes = new LinkedHashSet<>();
    addScopes(scopes, claims.getClaim("scope"), false);
    addScopes(scopes, claims.getClaim("scp"), true);
    String clientId = stringClaim(claims, "client_id");
    if (clientId == null) {
      clientId = stringClaim(claims, "azp");
    }
    return new VerifiedToken(stringClaim(claims, "sub"), clientId, claims.getIssuer(), scopes,
        claims.getExpirationTime().toInstant(),
        claims.getNotBeforeTime() == null ? null : claims.getNotBeforeTime().toInstant(), claims.getClaims());
  }

  private static void addScopes(Set<String> scopes, Object claim, boolean arrayAllowed)
      throws TokenRejectedException {
    if (claim == null) {
      return;
    }
    if (claim instanceof String) {
      String text = (String) claim;
      int start = 0;
      while (start <= text.length()) { // split at single spaces, skipping empty parts
        int end = text.indexOf(' ', start);
        if (end < 0) {
          end = text.length();
        }
        if (end > start) {
          scopes.add(text.substring(start, end));
        }
        start = end + 1;
      }
      return;
    }
    if (arrayAllowed && claim instanceof List) {
      for (Object scope : (List<?>) claim) {
        if (!(scope instanceof String)) {
          throw new TokenRejectedException("The token's scp claim is malformed.");
        }
        scopes.add((String) scope);
      }
      return;
    }
    throw new TokenRejectedException("The token's scope claim is malformed.");
  }

  private static String stringClaim(JWTClaimsSet claims, String name) throws TokenRejectedException {
    Object value = claims.getClaim(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String)) {
      throw new TokenRejectedException("The token's " + name + " claim is malformed.");
    }
    return (String) value;
  }
}
