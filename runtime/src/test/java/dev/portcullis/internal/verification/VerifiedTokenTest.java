package dev.portcullis.internal.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The principal shared by every request that presents the same token cannot be changed. */
class VerifiedTokenTest {
  private final TestKeys keys = new TestKeys();

  @Test
  void claimsAreFrozenDeeplyOnFirstUseAndSharedAfterwards() throws Exception {
    TokenVerifier verifier = keys.verifier(TestKeys.config().build());
    String token = keys.token(TestKeys.K1, c -> c.claim("realm_access", Map.of("roles", List.of("customer"))));
    VerifiedToken principal = verifier.verify(token);
    Map<String, Object> claims = principal.claims();
    assertSame(claims, verifier.verify(token).claims(), "the cached principal keeps its frozen claims");
    @SuppressWarnings("unchecked")
    Map<String, Object> realmAccess = (Map<String, Object>) claims.get("realm_access");
    @SuppressWarnings("unchecked")
    List<Object> roles = (List<Object>) realmAccess.get("roles");
    assertEquals(List.of("customer"), roles);
    assertThrows(UnsupportedOperationException.class, () -> claims.put("x", "y"));
    assertThrows(UnsupportedOperationException.class, () -> realmAccess.put("x", "y"));
    assertThrows(UnsupportedOperationException.class, () -> roles.add("admin"));
    assertTrue(claims.get("exp") instanceof Instant, "dates are exposed as Instant");
    assertThrows(UnsupportedOperationException.class, () -> principal.scopes().add("orders:admin"));
  }
}
