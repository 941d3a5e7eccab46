package dev.portcullis.test;

import dev.portcullis.Dpop;
import dev.portcullis.PortcullisConfig.DpopPolicy;
import dev.portcullis.ScopeMatch;
import dev.portcullis.client.DpopKey;
import dev.portcullis.spi.AccessRule;
import java.time.Duration;
import java.time.Instant;
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
 * Every token also carries the step-up authentication the rule asks for (the first {@code acr}
 * value, an {@code auth_time} of now), except the ones that show it missing.
 *
 * <p>An endpoint takes DPoP as the stricter of its {@code dpop} and the application's {@code
 * portcullis.dpop} say. One that requires it is checked to refuse bearer tokens and a bound
 * token with another key's proof, and to let a bound token with its proof through (403 without
 * the scopes); one that allows it gets the bearer cases and the DPoP ones, and a bound token sent
 * as a bearer token must be refused.
 */
final class EndpointCases {
  /** An {@code acr} no rule lists. */
  private static final String OTHER_ACR = "portcullis-test:not-accepted";

  private EndpointCases() {}

  /** The keys of the DPoP cases, made on first use: one the tokens are bound to, one they are not. */
  private static final class ProofKeys {
    static final DpopKey HOLDER = DpopKey.generate();
    static final DpopKey STRANGER = DpopKey.generate();
  }

  /** The cases of an endpoint of an application with DPoP off. */
  static List<ConformanceCase> of(AccessRule rule, TestIssuer issuer) {
    return of(rule, issuer, DpopPolicy.OFF);
  }

  /** The cases of an endpoint of an application whose {@code portcullis.dpop} is {@code applicationDpop}. */
  static List<ConformanceCase> of(AccessRule rule, TestIssuer issuer, DpopPolicy applicationDpop) {
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
    DpopPolicy dpop = effective(rule.dpop(), applicationDpop);
    if (dpop == DpopPolicy.REQUIRED) {
      cases.add(new ConformanceCase("without a token", null, Expected.DPOP_CHALLENGE));
      cases.add(new ConformanceCase("with a valid bearer token " + granting(List.of(enough))
          + " (the endpoint requires DPoP)", token(issuer, rule, enough), Expected.DPOP_ONLY));
      cases.add(new ConformanceCase("with a DPoP-bound token " + granting(List.of(enough))
          + " and a proof signed by another key", bound(issuer, rule, enough), ProofKeys.STRANGER, Expected.DPOP_ONLY));
      if (rule.kind() == AccessRule.Kind.SCOPES && !rule.isSatisfiedBy(Set.of())) {
        cases.add(new ConformanceCase("with a DPoP-bound token granting no scope and its proof",
            bound(issuer, rule), ProofKeys.HOLDER, Expected.DPOP_INSUFFICIENT_SCOPE));
      }
      cases.add(new ConformanceCase("with a DPoP-bound token " + granting(List.of(enough)) + " and its proof",
          bound(issuer, rule, enough), ProofKeys.HOLDER, Expected.LET_THROUGH));
      return cases;
    }
    cases.add(new ConformanceCase("without a token", null, Expected.CHALLENGE));
    cases.add(new ConformanceCase("with an expired token",
        () -> steppedUp(issuer.token(), rule).scopes(enough).expired().sign(), Expected.INVALID_TOKEN));
    cases.add(new ConformanceCase("with a token for audience " + wrongAudience,
        () -> steppedUp(issuer.token(), rule).scopes(enough).audience(wrongAudience).sign(), Expected.INVALID_TOKEN));
    cases.add(new ConformanceCase("with a token signed by a key the issuer does not publish",
        () -> steppedUp(issuer.token(), rule).scopes(enough).forged().sign(), Expected.INVALID_TOKEN));
    if (!rule.acrValues().isEmpty()) {
      cases.add(new ConformanceCase("with a token whose acr is " + OTHER_ACR + ", not one of "
          + String.join(" ", rule.acrValues()),
          () -> steppedUp(issuer.token(), rule).scopes(enough).acr(OTHER_ACR).sign(),
          Expected.INSUFFICIENT_USER_AUTHENTICATION));
    }
    if (rule.maxAge().isPresent()) {
      // Beyond the largest clock skew an application accepts (one hour).
      long seconds = rule.maxAge().getAsLong() + Duration.ofHours(2).toSeconds();
      cases.add(new ConformanceCase("with a token whose user authenticated " + seconds + " seconds ago",
          () -> steppedUp(issuer.token(), rule).scopes(enough).authTime(Instant.now().minusSeconds(seconds)).sign(),
          Expected.INSUFFICIENT_USER_AUTHENTICATION));
    }
    if (rule.kind() == AccessRule.Kind.TOKEN) {
      cases.add(new ConformanceCase("with a valid token granting no scope",
          token(issuer, rule), Expected.LET_THROUGH));
      if (dpop == DpopPolicy.ALLOWED) {
        dpopCases(cases, issuer, rule, enough);
      }
      return cases;
    }
    if (rule.match() == ScopeMatch.ALL) {
      for (String scope : rule.scopes()) {
        Set<String> rest = new LinkedHashSet<>(rule.scopes());
        rest.remove(scope);
        if (!rule.isSatisfiedBy(rest)) { // else another required scope implies this one
          cases.add(new ConformanceCase("with a token lacking " + scope + " (" + granting(rest) + ")",
              token(issuer, rule, rest.toArray(String[]::new)), Expected.INSUFFICIENT_SCOPE));
        }
      }
      cases.add(new ConformanceCase("with a token " + granting(rule.scopes()),
          token(issuer, rule, enough), Expected.LET_THROUGH));
    } else {
      cases.add(new ConformanceCase("with a token granting none of " + String.join(" ", rule.scopes()),
          token(issuer, rule), Expected.INSUFFICIENT_SCOPE));
      for (String scope : rule.scopes()) {
        cases.add(new ConformanceCase("with a token granting only " + scope,
            token(issuer, rule, scope), Expected.LET_THROUGH));
      }
    }
    for (Map.Entry<String, List<String>> implied : rule.impliedBy().entrySet()) {
      for (String implying : implied.getValue()) {
        Set<String> granted = new LinkedHashSet<>(rule.match() == ScopeMatch.ALL ? rule.scopes() : List.of());
        granted.remove(implied.getKey());
        granted.add(implying);
        cases.add(new ConformanceCase("with a token " + granting(granted) + " (" + implying + " implies "
            + implied.getKey() + ")", token(issuer, rule, granted.toArray(String[]::new)), Expected.LET_THROUGH));
      }
    }
    if (dpop == DpopPolicy.ALLOWED) {
      dpopCases(cases, issuer, rule, enough);
    }
    return cases;
  }

  /** The cases of an endpoint that takes DPoP-bound tokens beside bearer tokens. */
  private static void dpopCases(List<ConformanceCase> cases, TestIssuer issuer, AccessRule rule, String... enough) {
    String granting = granting(List.of(enough));
    cases.add(new ConformanceCase("with a DPoP-bound token " + granting + " sent as a bearer token",
        bound(issuer, rule, enough), Expected.INVALID_TOKEN));
    cases.add(new ConformanceCase("with a DPoP-bound token " + granting + " and a proof signed by another key",
        bound(issuer, rule, enough), ProofKeys.STRANGER, Expected.DPOP_INVALID_TOKEN));
    cases.add(new ConformanceCase("with a DPoP-bound token " + granting + " and its proof",
        bound(issuer, rule, enough), ProofKeys.HOLDER, Expected.LET_THROUGH));
  }

  /** The stricter of an endpoint's {@code dpop} and the application's setting, as Portcullis applies them. */
  static DpopPolicy effective(Dpop endpoint, DpopPolicy application) {
    DpopPolicy own = switch (endpoint) {
      case REQUIRED -> DpopPolicy.REQUIRED;
      case ALLOWED -> DpopPolicy.ALLOWED;
      case AS_CONFIGURED -> DpopPolicy.OFF;
    };
    return own.compareTo(application) >= 0 ? own : application;
  }

  /** As {@link #token}, bound to the key of the DPoP cases. */
  private static Supplier<String> bound(TestIssuer issuer, AccessRule rule, String... scopes) {
    return () -> steppedUp(issuer.token(), rule).scopes(scopes).boundTo(ProofKeys.HOLDER).sign();
  }

  /**
   * A valid token granting {@code scopes} with the step-up {@code rule} asks for, signed when the
   * case is run: tokens live minutes.
   */
  private static Supplier<String> token(TestIssuer issuer, AccessRule rule, String... scopes) {
    return () -> steppedUp(issuer.token(), rule).scopes(scopes).sign();
  }

  /** {@code token} with the first {@code acr} value the rule lists and, for a max age, a fresh {@code auth_time}. */
  private static TokenBuilder steppedUp(TokenBuilder token, AccessRule rule) {
    if (!rule.acrValues().isEmpty()) {
      token.acr(rule.acrValues().get(0));
    }
    if (rule.maxAge().isPresent()) {
      token.authTime(Instant.now());
    }
    return token;
  }

  private static String granting(Iterable<String> scopes) {
    String list = String.join(" ", scopes);
    return list.isEmpty() ? "granting no scope" : "granting exactly " + list;
  }
}
