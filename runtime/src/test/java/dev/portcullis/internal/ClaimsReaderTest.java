package dev.portcullis.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Scopes are read from the space-delimited scope claim exactly as RFC 6749 section 3.3 writes them. */
class ClaimsReaderTest {
  private static Set<String> scopes(Object scope) throws Exception {
    return ClaimsReader.read(new JWTClaimsSet.Builder().expirationTime(new Date()).claim("scope", scope).build())
        .scopes();
  }

  @Test
  void scopesAreSplitAtSpacesSkippingEmptyParts() throws Exception {
    assertEquals(List.of("orders:read", "profile"), List.copyOf(scopes("orders:read profile")));
    assertEquals(List.of("orders:read", "profile"), List.copyOf(scopes("  orders:read   profile ")));
    assertEquals(Set.of("a"), scopes("a"));
    assertEquals(Set.of(), scopes(""));
    assertEquals(Set.of(), scopes("   "));
    assertEquals(Set.of("a\tb"), scopes("a\tb"), "only the space separates scopes");
    assertEquals(Set.of("a"), scopes("a a"));
  }
}
