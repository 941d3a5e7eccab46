package dev.portcullis.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.Dpop;
import dev.portcullis.ScopeMatch;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rules generated filters hold: what satisfies them, how a scope hierarchy widens each
 * required scope separately, and how they compare with and describe the annotations.
 */
class AccessRuleTest {
  private static final AccessRule READ =
      AccessRule.allOf("orders:read").impliedBy("orders:read", "orders:admin", "orders:write");

  private static final AccessRule WRITE_AND_AUDIT =
      AccessRule.allOf("orders:write", "audit").impliedBy("orders:write", "orders:admin");

  private static final AccessRule WRITE_OR_AUDIT =
      AccessRule.anyOf("orders:write", "audit").impliedBy("orders:write", "orders:admin");

  @Test
  void publicAndTokenRulesAreSatisfiedWhateverTheTokenGrants() {
    assertTrue(AccessRule.publicAccess().isSatisfiedBy(Set.of()));
    assertTrue(AccessRule.anyToken().isSatisfiedBy(Set.of()));
    assertTrue(AccessRule.anyToken().isSatisfiedBy(Set.of("orders:read")));
    assertEquals(List.of(), AccessRule.anyToken().scopes());
  }

  @Test
  void allNeedsEveryScopeAndAnyNeedsOne() {
    AccessRule all = AccessRule.allOf("orders:read", "audit");
    assertTrue(all.isSatisfiedBy(Set.of("audit", "orders:read", "profile")));
    assertFalse(all.isSatisfiedBy(Set.of("orders:read")));
    AccessRule any = AccessRule.anyOf("orders:admin", "ops");
    assertTrue(any.isSatisfiedBy(Set.of("ops")));
    assertFalse(any.isSatisfiedBy(Set.of("orders:read")));
    assertFalse(any.isSatisfiedBy(Set.of()));
  }

  @Test
  void impliedScopeIsSatisfiedByItselfOrAnyScopeImplyingIt() {
    assertTrue(READ.isSatisfiedBy(Set.of("orders:read")));
    assertTrue(READ.isSatisfiedBy(Set.of("orders:write")));
    assertTrue(READ.isSatisfiedBy(Set.of("orders:admin")));
    assertFalse(READ.isSatisfiedBy(Set.of("orders:export")));
    assertFalse(READ.isSatisfiedBy(Set.of()));
  }

  @Test
  void allStillNeedsEveryListedScopeEachWidenedOnItsOwn() {
    assertTrue(WRITE_AND_AUDIT.isSatisfiedBy(Set.of("orders:admin", "audit")));
    assertTrue(WRITE_AND_AUDIT.isSatisfiedBy(Set.of("orders:write", "audit")));
    assertFalse(WRITE_AND_AUDIT.isSatisfiedBy(Set.of("orders:admin")));
    assertFalse(WRITE_AND_AUDIT.isSatisfiedBy(Set.of("audit")));
  }

  @Test
  void anyIsSatisfiedByOneListedScopeOrOneImplyingIt() {
    assertTrue(WRITE_OR_AUDIT.isSatisfiedBy(Set.of("orders:admin")));
    assertTrue(WRITE_OR_AUDIT.isSatisfiedBy(Set.of("audit")));
    assertFalse(WRITE_OR_AUDIT.isSatisfiedBy(Set.of("orders:read")));
  }

  @Test
  void declaredScopesStayTheChallengesScopes() {
    assertEquals(List.of("orders:write", "audit"), WRITE_AND_AUDIT.scopes());
    assertEquals(Map.of("orders:write", List.of("orders:admin")), WRITE_AND_AUDIT.impliedBy());
  }

  @Test
  void impliedByMergesRepeatedCallsAndNeverListsTheScopeItself() {
    AccessRule rule = AccessRule.allOf("a").impliedBy("a", "b").impliedBy("a", "c", "a", "b");
    assertEquals(Map.of("a", List.of("b", "c")), rule.impliedBy());
  }

  @Test
  void onlyARequiredScopeCanBeImplied() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> AccessRule.allOf("a").impliedBy("b", "c"));
    assertEquals("Scope \"b\" is not one of the required scopes [a].", e.getMessage());
  }

  @Test
  void scopeRuleNeedsAtLeastOneScopeEachListedOnceAndNoNull() {
    assertEquals("A scope rule needs at least one scope.",
        assertThrows(IllegalArgumentException.class, AccessRule::allOf).getMessage());
    assertEquals("A scope rule lists the same scope twice.",
        assertThrows(IllegalArgumentException.class, () -> AccessRule.anyOf("a", "b", "a")).getMessage());
    assertThrows(NullPointerException.class, () -> AccessRule.allOf("a", null));
    assertThrows(NullPointerException.class, () -> AccessRule.scopes(ScopeMatch.ANY, Arrays.asList("a", null)));
  }

  @Test
  void equalRulesHaveTheSameKindMatchScopeOrderAndHierarchy() {
    assertEquals(AccessRule.allOf("a", "b"), AccessRule.scopes(ScopeMatch.ALL, List.of("a", "b")));
    assertEquals(AccessRule.allOf("a", "b").hashCode(), AccessRule.scopes(ScopeMatch.ALL, List.of("a", "b")).hashCode());
    assertNotEquals(AccessRule.allOf("a", "b"), AccessRule.allOf("b", "a"));
    assertNotEquals(AccessRule.allOf("a", "b"), AccessRule.anyOf("a", "b"));
    assertNotEquals(AccessRule.allOf("orders:read"), READ);
    assertNotEquals(AccessRule.anyToken(), AccessRule.publicAccess());
  }

  @Test
  void declaresComparesWithTheAnnotationsIgnoringScopeOrderAndHierarchy() {
    assertTrue(READ.declares(AccessRule.allOf("orders:read")));
    assertTrue(AccessRule.allOf("a", "b").declares(AccessRule.allOf("b", "a")));
    assertFalse(AccessRule.allOf("a", "b").declares(AccessRule.anyOf("a", "b")));
    assertFalse(AccessRule.allOf("a").declares(AccessRule.allOf("a", "b")));
    assertFalse(AccessRule.anyToken().declares(AccessRule.publicAccess()));
    assertTrue(AccessRule.anyToken().declares(AccessRule.anyToken()));
  }

  @Test
  void describeWritesTheRuleAsItsAnnotationIsWritten() {
    assertEquals("@Public", AccessRule.publicAccess().describe());
    assertEquals("@RequiresToken", AccessRule.anyToken().describe());
    assertEquals("@RequiresScope(\"orders:read\")", AccessRule.allOf("orders:read").describe());
    assertEquals("@RequiresScope({\"orders:read\", \"audit\"})", AccessRule.allOf("orders:read", "audit").describe());
    assertEquals("@RequiresScope(value = {\"orders:admin\", \"ops\"}, match = ANY)",
        AccessRule.anyOf("orders:admin", "ops").describe());
    assertEquals("@RequiresScope(value = \"ops\", match = ANY)", AccessRule.anyOf("ops").describe());
    assertEquals("@RequiresScope(\"a\\\"b\\\\c\")", AccessRule.allOf("a\"b\\c").describe());
    assertEquals("@RequiresScope(\"orders:read\") (implied by {orders:read=[orders:admin, orders:write]})",
        READ.describe());
    assertEquals(READ.describe(), READ.toString());
  }

  @Test
  void stepUpIsPartOfTheRuleItsEqualityAndWhatTheAnnotationsDeclare() {
    AccessRule stepUp = AccessRule.allOf("orders:read").requiringAcr("mfa", "phr").requiringMaxAge(300);
    assertEquals(List.of("mfa", "phr"), stepUp.acrValues());
    assertEquals(300, stepUp.maxAge().getAsLong());
    assertTrue(stepUp.requiresUserAuthentication());
    assertFalse(AccessRule.allOf("orders:read").requiresUserAuthentication());
    assertTrue(AccessRule.allOf("orders:read").maxAge().isEmpty());
    assertNotEquals(AccessRule.allOf("orders:read"), stepUp);
    assertFalse(stepUp.declares(AccessRule.allOf("orders:read")));
    assertFalse(AccessRule.allOf("orders:read").declares(stepUp));
    assertFalse(stepUp.declares(AccessRule.allOf("orders:read").requiringAcr("mfa", "phr").requiringMaxAge(301)));
    assertTrue(stepUp.declares(AccessRule.allOf("orders:read").requiringMaxAge(300).requiringAcr("phr", "mfa")));
    assertEquals(stepUp.hashCode(),
        AccessRule.allOf("orders:read").requiringAcr("mfa", "phr").requiringMaxAge(300).hashCode());
    assertFalse(AccessRule.anyToken().requiringMaxAge(60).declares(AccessRule.anyToken()));
  }

  @Test
  void stepUpNeedsSendableAcrValuesAPositiveMaxAgeAndAToken() {
    assertThrows(IllegalArgumentException.class, () -> AccessRule.anyToken().requiringAcr());
    assertThrows(IllegalArgumentException.class, () -> AccessRule.anyToken().requiringAcr("mfa", "mfa"));
    assertThrows(IllegalArgumentException.class, () -> AccessRule.anyToken().requiringAcr(""));
    assertThrows(IllegalArgumentException.class, () -> AccessRule.anyToken().requiringAcr("m fa"));
    assertThrows(IllegalArgumentException.class, () -> AccessRule.anyToken().requiringAcr("m\"fa"));
    assertThrows(IllegalArgumentException.class, () -> AccessRule.anyToken().requiringAcr("m\\fa"));
    assertThrows(IllegalArgumentException.class, () -> AccessRule.anyToken().requiringAcr("caf\u00e9"));
    assertThrows(IllegalArgumentException.class, () -> AccessRule.anyToken().requiringMaxAge(0));
    assertThrows(IllegalArgumentException.class, () -> AccessRule.anyToken().requiringMaxAge(-1));
    assertThrows(IllegalStateException.class, () -> AccessRule.publicAccess().requiringAcr("mfa"));
    assertThrows(IllegalStateException.class, () -> AccessRule.publicAccess().requiringMaxAge(60));
  }

  @Test
  void describeWritesStepUpAsTheAnnotationIsWritten() {
    assertEquals("@RequiresToken(acr = \"mfa\")", AccessRule.anyToken().requiringAcr("mfa").describe());
    assertEquals("@RequiresToken(maxAge = 60)", AccessRule.anyToken().requiringMaxAge(60).describe());
    assertEquals("@RequiresScope(value = \"orders:read\", acr = {\"mfa\", \"phr\"}, maxAge = 300)",
        AccessRule.allOf("orders:read").requiringAcr("mfa", "phr").requiringMaxAge(300).describe());
    assertEquals("@RequiresScope(value = {\"a\", \"b\"}, match = ANY, maxAge = 5)",
        AccessRule.anyOf("a", "b").requiringMaxAge(5).describe());
  }

  @Test
  void theScopeHierarchyKeepsTheStepUp() {
    AccessRule widened = AccessRule.allOf("orders:read").requiringAcr("mfa").impliedBy("orders:read", "orders:admin");
    assertEquals(List.of("mfa"), widened.acrValues());
  }

  @Test
  void dpopIsPartOfTheRuleItsEqualityAndWhatTheAnnotationsDeclare() {
    AccessRule required = AccessRule.allOf("payments:write").requiringDpop(Dpop.REQUIRED);
    assertEquals(Dpop.REQUIRED, required.dpop());
    assertEquals(Dpop.AS_CONFIGURED, AccessRule.allOf("payments:write").dpop());
    assertNotEquals(AccessRule.allOf("payments:write"), required);
    assertNotEquals(AccessRule.allOf("payments:write").requiringDpop(Dpop.ALLOWED), required);
    assertFalse(required.declares(AccessRule.allOf("payments:write")));
    assertFalse(AccessRule.allOf("payments:write").declares(required));
    assertTrue(required.declares(AccessRule.allOf("payments:write").requiringDpop(Dpop.REQUIRED)));
    assertEquals(AccessRule.allOf("payments:write"), required.requiringDpop(Dpop.AS_CONFIGURED));
    assertEquals(required.hashCode(), AccessRule.allOf("payments:write").requiringDpop(Dpop.REQUIRED).hashCode());
  }

  @Test
  void dpopNeedsATokenAndAValue() {
    IllegalStateException onPublic = assertThrows(IllegalStateException.class,
        () -> AccessRule.publicAccess().requiringDpop(Dpop.REQUIRED));
    assertEquals("A public rule checks no token, so it cannot require DPoP.", onPublic.getMessage());
    assertThrows(NullPointerException.class, () -> AccessRule.anyToken().requiringDpop(null));
  }

  @Test
  void describeWritesDpopAsTheAnnotationIsWritten() {
    assertEquals("@RequiresToken(dpop = REQUIRED)", AccessRule.anyToken().requiringDpop(Dpop.REQUIRED).describe());
    assertEquals("@RequiresScope(value = \"payments:write\", maxAge = 60, dpop = ALLOWED)",
        AccessRule.allOf("payments:write").requiringMaxAge(60).requiringDpop(Dpop.ALLOWED).describe());
  }

  @Test
  void theScopeHierarchyAndStepUpKeepTheDpopRequirement() {
    AccessRule rule = AccessRule.allOf("payments:write").requiringDpop(Dpop.REQUIRED)
        .impliedBy("payments:write", "payments:admin").requiringAcr("mfa").requiringMaxAge(60);
    assertEquals(Dpop.REQUIRED, rule.dpop());
  }
}
