package dev.portcullis.internal.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portcullis.PortcullisConfigException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClaimPathTest {
  private static Set<String> read(String path, Map<String, Object> claims) throws TokenRejectedException {
    Set<String> found = new LinkedHashSet<>();
    ClaimPath.parse("scope-claims", path).addTo(claims, found);
    return found;
  }

  @Test
  void readsTopLevelAndNestedClaims() throws Exception {
    Map<String, Object> claims = Map.of(
        "scope", "a  b",
        "realm_access", Map.of("roles", List.of("r1", "r2")),
        "resource_access", Map.of("orders-api", Map.of("roles", "c1 c2")),
        "https://example.com/roles", List.of("u1"));

    assertEquals(Set.of("a", "b"), read("scope", claims));
    assertEquals(Set.of("r1", "r2"), read("realm_access/roles", claims));
    assertEquals(Set.of("c1", "c2"), read("resource_access/orders-api/roles", claims));
    assertEquals(Set.of("u1"), read("\"https://example.com/roles\"", claims));
  }

  @Test
  void aPathThatLeadsNowhereGrantsNothing() throws Exception {
    Map<String, Object> claims = Map.of("realm_access", Map.of());

    assertEquals(Set.of(), read("realm_access/roles", claims));
    assertEquals(Set.of(), read("resource_access/orders-api/roles", claims));
    assertEquals(Set.of(), read("permissions", claims));
  }

  @Test
  void valuesOfAnotherTypeRejectTheToken() {
    for (Map<String, Object> claims : List.<Map<String, Object>>of(
        Map.of("realm_access", Map.of("roles", 5)),
        Map.of("realm_access", Map.of("roles", List.of("r1", true))),
        Map.of("realm_access", "roles"),
        Map.of("realm_access", Map.of("roles", Map.of())))) {
      TokenRejectedException e = assertThrows(TokenRejectedException.class, () -> read("realm_access/roles", claims));
      assertEquals("The token's realm_access/roles claim is malformed.", e.getMessage());
    }
  }

  @Test
  void scopeMustBeAStringAsRfc9068Says() throws Exception {
    Map<String, Object> claims = Map.of("scope", List.of("a"), "scp", List.of("a"));

    assertThrows(TokenRejectedException.class, () -> read("scope", claims));
    assertEquals(Set.of("a"), read("scp", claims));
  }

  @Test
  void splitsASettingAtCommasOutsideQuotes() {
    assertEquals(List.of("scope", "realm_access/roles", "\"a,b\"/c"),
        ClaimPath.split(" scope , realm_access/roles,,\"a,b\"/c "));
  }

  @Test
  void malformedPathsFailWithTheSettingAndTheFix() {
    for (String path : List.of("", "a//b", "/a", "a/", "\"a", "a\"b\"", "\"a\"b", "\"\"")) {
      PortcullisConfigException e = assertThrows(PortcullisConfigException.class,
          () -> ClaimPath.parse("portcullis.scope-claims", path), path);
      assertEquals(true, e.getMessage().startsWith("portcullis.scope-claims names the claim path \"" + path
          + "\", which is malformed: "), e.getMessage());
      assertEquals(true, e.getMessage().contains("Join nested claim names with /"), e.getMessage());
    }
    PortcullisConfigException none = assertThrows(PortcullisConfigException.class,
        () -> ClaimPath.parseAll("portcullis.role-claims", List.of()));
    assertEquals("portcullis.role-claims names no claim; name at least one, such as scope,scp.", none.getMessage());
  }
}
