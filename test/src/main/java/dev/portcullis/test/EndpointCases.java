package dev.portcullis.test;

import dev.portcullis.ScopeMatch;
import dev.portcullis.spi.AccessRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The requests that show whether an endpoint is protected as its rule declares, requests that
 * must be refused first: a resource method may act on the request that reaches it.
 *
 * <p>Every refused token carries the scopes the rule needs, so that what the application must
 * notice is the one thing wrong with it: no token, expiry, audience, signature, a scope left
 * out. Tokens that satisfy the rule only through the scope hierarchy must be let through too.
 */
final class EndpointCases {
  private EndpointCases() {}

  static List<ConformanceCase> of(AccessRule rule, TestIssuer issuer) {
    List<ConformanceCase> cases = new ArrayList<>();
    if (rule.kind() == AccessRule.Kind.PUBLIC) {
      cases.add(new ConformanceCase("without a token", null, Expected.NO_TOKEN_NEEDED));
      return cases;
    }
    List<String> needed = rule.kind() == AccessRule.Kind.SCOPES && rule.match() == ScopeMatch.ALL
        ? rule.scopes()
        : rule.scopes().isEmpty() ? List.of() : List.of(rule.scopes().get(0));
    String[] enough = needed.toArray(String[]::new);
    String wrongAudience = "not-" + issuer.audience();
    cases.add(new ConformanceCase("without a token", null, Expected.CHALLENGE));
    cases.add(new ConformanceCase("with an expired token",
        () -> issuer.token().scopes(enough).expired().sign(), Expected.INVALID_TOKEN));
    cases.add(new ConformanceCase("with a token for audience " + wrongAudience,
        () -> issuer.token().scopes(enough).audience(wrongAudience).sign(), Expected.INVALID_TOKEN));
    cases.add(new ConformanceCase("with a token signed by a key the issuer does not publish",
        () -> issuer.token().scopes(enough).forged().sign(), Expected.INVALID_TOKEN));
    if (rule.kind() == AccessRule.Kind.TOKEN) {
      cases.add(new ConformanceCase("with a valid token granting no scope",
          token(issuer), Expected.LET_THROUGH));
      return cases;
    }
    if (rule.match() == ScopeMatch.ALL) {
      for (String scope : rule.scopes()) {
        Set<String> rest = new LinkedHashSet<>(rule.scopes());
        rest.remove(scope);
        if (!rule.isSatisfiedBy(rest)) { // else another required scope implies this one
          cases.add(new ConformanceCase("with a token lacking " + scope + " (" + granting(rest) + ")",
              token(issuer, rest.toArray(String[]::new)), Expected.INSUFFICIENT_SCOPE));
        }
      }
      cases.add(new ConformanceCase("with a token " + granting(rule.scopes()),
          token(issuer, enough), Expected.LET_THROUGH));
    } else {
      cases.add(new ConformanceCase("with a token granting none of " + String.join(" ", rule.scopes()),
          token(issuer), Expected.INSUFFICIENT_SCOPE));
      for (String scope : rule.scopes()) {
        cases.add(new ConformanceCase("with a token granting only " + scope,
            token(issuer, scope), Expected.LET_THROUGH));
      }
    }
    for (Map.Entry<String, List<String>> implied : rule.impliedBy().entrySet()) {
      for (String implying : implied.getValue()) {
        Set<String> granted = new LinkedHashSet<>(rule.match() == ScopeMatch.ALL ? rule.scopes() : List.of());
        granted.remove(implied.getKey());
        granted.add(implying);
        cases.add(new ConformanceCase("with a token " + granting(granted) + " (" + implying + " implies "
            + implied.getKey() + ")", token(issuer, granted.toArray(String[]::new)), Expected.LET_THROUGH));
      }
    }
    return cases;
  }

  /** A valid token granting {@code scopes}, signed when the case is run: tokens live minutes. */
  private static Supplier<String> token(TestIssuer issuer, String... scopes) {
    return () -> issuer.token().scopes(scopes).sign();
  }

  private static String granting(Iterable<String> scopes) {
    String list = String.join(" ", scopes);
    return list.isEmpty() ? "granting no scope" : "granting exactly " + list;
  }
}
