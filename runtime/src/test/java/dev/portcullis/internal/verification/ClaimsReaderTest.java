package dev.portcullis.internal.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The claims checks on a parsed payload: RFC 7519 types, the required claims, issuer and
 * audience, the time window with its skew, and the scopes as RFC 6749 section 3.3 writes them.
 */
class ClaimsReaderTest {
  private static final long NOW = Instant.parse("2026-06-01T12:00:00Z").toEpochMilli();
  private static final long SKEW = 60_000;
  private final ClaimsReader reader = new ClaimsReader("https://idp.example", "orders-api", SKEW);

  /** A valid payload, living ten minutes from {@link #NOW}, with {@code extra} members added. */
  private static String payload(String extra) {
    return "{\"iss\":\"https://idp.example\",\"aud\":\"orders-api\",\"sub\":\"alice\",\"exp\":"
        + (NOW / 1000 + 600) + (extra.isEmpty() ? "" : "," + extra) + "}";
  }

  private VerifiedToken read(String json) throws Exception {
    return reader.read(JSONObjectUtils.parse(json), NOW, false);
  }

  private String rejection(String json) throws Exception {
    Map<String, Object> claims = JSONObjectUtils.parse(json);
    return assertThrows(TokenRejectedException.class, () -> reader.read(claims, NOW, false)).getMessage();
  }

  private Set<String> scopes(String scope) throws Exception {
    return read(payload("\"scope\":" + scope)).scopes();
  }

  @Test
  void idTokenClaimsRejectATokenNotTypedAsAnAccessToken() throws Exception {
    for (String claim : new String[] {"nonce", "at_hash", "c_hash"}) {
      String json = payload("\"" + claim + "\":\"x\"");
      assertEquals("The token is an OpenID Connect ID token (it has a nonce, at_hash or c_hash claim), not an"
          + " access token.", rejection(json), claim);
      assertEquals("alice", reader.read(JSONObjectUtils.parse(json), NOW, true).subject(), "typ at+jwt");
    }
    assertEquals("alice", read(payload("\"azp\":\"shop\",\"auth_time\":1")).subject(),
        "claims access tokens share with ID tokens are no sign of one");
  }

  @Test
  void scopesAreSplitAtSpacesSkippingEmptyParts() throws Exception {
    assertEquals(List.of("orders:read", "profile"), List.copyOf(scopes("\"orders:read profile\"")));
    assertEquals(List.of("orders:read", "profile"), List.copyOf(scopes("\"  orders:read   profile \"")));
    assertEquals(Set.of("a"), scopes("\"a\""));
    assertEquals(Set.of(), scopes("\"\""));
    assertEquals(Set.of(), scopes("\"   \""));
    assertEquals(Set.of("a\tb"), scopes("\"a\\tb\""), "only the space separates scopes");
    assertEquals(Set.of("a"), scopes("\"a a\""));
    assertEquals(Set.of(), scopes("null"), "a JSON null is an absent claim");
  }

  @Test
  void scpIsReadAsAStringOrAnArrayAndAddedToScope() throws Exception {
    assertEquals(List.of("a", "b", "c"),
        List.copyOf(read(payload("\"scope\":\"a b\",\"scp\":[\"b\",\"c\"]")).scopes()));
    assertEquals(Set.of("x", "y"), read(payload("\"scp\":\"x y\"")).scopes());
    assertEquals("The token's scp claim is malformed.", rejection(payload("\"scp\":[\"a\",1]")));
    assertEquals("The token's scope claim is malformed.", rejection(payload("\"scope\":[\"a\"]")));
  }

  @Test
  void registeredClaimsOfTheWrongTypeRejectTheToken() throws Exception {
    assertEquals("The token's iss claim is malformed.", rejection(payload("\"iss\":[\"https://idp.example\"]")
        .replaceFirst("\"iss\":\"https://idp.example\",", "")));
    assertEquals("The token's sub claim is malformed.", rejection(payload("\"sub\":42")
        .replaceFirst("\"sub\":\"alice\",", "")));
    assertEquals("The token's jti claim is malformed.", rejection(payload("\"jti\":{}")));
    assertEquals("The token's aud claim is malformed.", rejection(payload("\"aud\":7")
        .replaceFirst("\"aud\":\"orders-api\",", "")));
    assertEquals("The token's aud claim is malformed.", rejection(payload("\"aud\":[\"orders-api\",null]")
        .replaceFirst("\"aud\":\"orders-api\",", "")));
    assertEquals("The token's nbf claim is malformed.", rejection(payload("\"nbf\":\"yesterday\"")));
    assertEquals("The token's iat claim is malformed.", rejection(payload("\"iat\":true")));
    assertEquals("The token's client_id claim is malformed.", rejection(payload("\"client_id\":[\"shop\"]")));
    assertEquals("The token's exp claim is malformed.",
        rejection("{\"iss\":\"https://idp.example\",\"aud\":\"orders-api\",\"exp\":\"" + (NOW / 1000 + 600) + "\"}"));
  }

  @Test
  void nonFiniteDatesAreMalformedAndHugeOnesDoNotOverflow() throws Exception {
    // Nimbus' JSON parser refuses NaN and Infinity; the check does not rely on that.
    assertThrows(java.text.ParseException.class, () -> JSONObjectUtils.parse(payload("\"nbf\":NaN")));
    Map<String, Object> claims = JSONObjectUtils.parse(payload(""));
    claims.put("nbf", Double.NaN);
    assertEquals("The token's nbf claim is malformed.",
        assertThrows(TokenRejectedException.class, () -> reader.read(claims, NOW, false)).getMessage());
    claims.remove("nbf");
    claims.put("exp", Double.POSITIVE_INFINITY);
    assertEquals("The token's exp claim is malformed.",
        assertThrows(TokenRejectedException.class, () -> reader.read(claims, NOW, false)).getMessage());
    VerifiedToken farFuture = read("{\"iss\":\"https://idp.example\",\"aud\":\"orders-api\",\"exp\":1e300}");
    assertEquals(Instant.ofEpochMilli(Long.MAX_VALUE / 2_000), farFuture.expiresAt());
    assertEquals("The token has expired.",
        rejection("{\"iss\":\"https://idp.example\",\"aud\":\"orders-api\",\"exp\":-9223372036854775808}"));
    assertEquals("The token is not valid yet.", rejection(payload("\"nbf\":9223372036854775807")));
  }

  @Test
  void requiredClaimsIssuerAndAudienceAreChecked() throws Exception {
    assertEquals("The token lacks the exp claim, which access tokens must have.",
        rejection("{\"iss\":\"https://idp.example\",\"aud\":\"orders-api\"}"));
    assertEquals("The token lacks the exp claim, which access tokens must have.",
        rejection("{\"iss\":\"https://idp.example\",\"aud\":\"orders-api\",\"exp\":null}"));
    assertEquals("The token lacks the iss claim, which access tokens must have.",
        rejection(payload("").replaceFirst("\"iss\":\"https://idp.example\",", "")));
    assertEquals("The token was not issued by the expected issuer.",
        rejection(payload("").replace("https://idp.example", "https://idp.example/")));
    String audienceMismatch = "The token was not issued for this API (audience mismatch).";
    assertEquals(audienceMismatch, rejection(payload("").replace("\"aud\":\"orders-api\",", "")));
    assertEquals(audienceMismatch, rejection(payload("").replace("\"orders-api\"", "\"Orders-api\"")));
    assertEquals(audienceMismatch, rejection(payload("").replace("\"orders-api\"", "[]")));
    assertEquals("alice", read(payload("").replace("\"orders-api\"", "[\"account\",\"orders-api\"]")).subject());
    ClaimsReader anyIssuer = new ClaimsReader(null, "orders-api", SKEW);
    assertEquals("https://other.example", anyIssuer.read(JSONObjectUtils.parse(
        payload("").replace("https://idp.example", "https://other.example")), NOW, false).issuer());
  }

  @Test
  void theTimeWindowIsWidenedByTheSkewOnBothSides() throws Exception {
    long exp = NOW / 1000;
    String expiresNow = "{\"iss\":\"https://idp.example\",\"aud\":\"orders-api\",\"exp\":" + exp + "}";
    assertEquals("alice", reader.read(JSONObjectUtils.parse(payload("")), NOW, false).subject());
    assertNull(reader.read(JSONObjectUtils.parse(expiresNow), NOW + SKEW - 1, false).subject(), "within the skew");
    assertThrows(TokenRejectedException.class, () -> reader.read(JSONObjectUtils.parse(expiresNow), NOW + SKEW, false));
    String notBeforeNow = payload("\"nbf\":" + exp);
    assertEquals("alice", reader.read(JSONObjectUtils.parse(notBeforeNow), NOW - SKEW + 1, false).subject());
    assertEquals("The token is not valid yet.", assertThrows(TokenRejectedException.class,
        () -> reader.read(JSONObjectUtils.parse(notBeforeNow), NOW - SKEW, false)).getMessage());
    assertEquals(Instant.ofEpochMilli(NOW + 600_500),
        read(payload("").replace("\"exp\":" + (NOW / 1000 + 600), "\"exp\":" + (NOW / 1000 + 600) + ".5"))
            .expiresAt(), "fractions of a second are kept");
  }

  @Test
  void clientIdComesFromClientIdOrElseAzp() throws Exception {
    assertEquals("shop", read(payload("\"client_id\":\"shop\",\"azp\":\"other\"")).clientId());
    assertEquals("other", read(payload("\"azp\":\"other\"")).clientId());
    assertNull(read(payload("")).clientId());
  }
}
