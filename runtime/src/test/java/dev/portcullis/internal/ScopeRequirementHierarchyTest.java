package dev.portcullis.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.ScopeMatch;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A scope hierarchy widens each required scope separately, for ALL and ANY alike. */
class ScopeRequirementHierarchyTest {
  private static final ScopeRequirement READ =
      ScopeRequirement.scopes(ScopeMatch.ALL, "orders:read")
          .orImpliedBy("orders:read", "orders:admin", "orders:write");

  private static final ScopeRequirement WRITE_AND_AUDIT =
      ScopeRequirement.scopes(ScopeMatch.ALL, "orders:write", "audit")
          .orImpliedBy("orders:write", "orders:admin");

  private static final ScopeRequirement WRITE_OR_AUDIT =
      ScopeRequirement.scopes(ScopeMatch.ANY, "orders:write", "audit")
          .orImpliedBy("orders:write", "orders:admin");

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
    assertNotEquals(ScopeRequirement.scopes(ScopeMatch.ALL, "orders:read"), READ);
  }

  @Test
  void onlyARequiredScopeCanBeImplied() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ScopeRequirement.scopes(ScopeMatch.ALL, "a").orImpliedBy("b", "c"));
  }
}
