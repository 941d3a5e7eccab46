package dev.portcullis.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.PortcullisFeature;
import dev.portcullis.test.shop.DeleteShortcutFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link SecurityConformance#tests()}: the same check as one dynamic test per endpoint and case,
 * named so that a test report reads as the rule.
 */
class ConformanceTestFactoryTest {
  @RegisterExtension
  static final TestIssuer issuer = TestIssuer.create("shop-api", TestIssuer.Algorithm.ES256);

  private static RunningApp shop;

  @BeforeAll
  static void start() {
    shop = RunningApp.start(issuer.config());
  }

  @AfterAll
  static void stop() {
    shop.close();
  }

  /** As a user's suite runs it. */
  @TestFactory
  Stream<DynamicNode> theShopIsProtectedAsDeclared() {
    return SecurityConformance.of(shop.baseUri(), issuer).pathParameter("sku", "A-100").tests();
  }

  @Test
  void oneContainerPerEndpointAndOneTestPerCaseNamedAfterTheRule() {
    Map<String, List<String>> tests = titles(
        SecurityConformance.of(shop.baseUri(), issuer).pathParameter("sku", "A-100").tests());

    assertEquals(List.of("GET /me", "GET /me/keys", "GET /orders", "POST /orders", "GET /orders/count", "GET /orders/ping",
        "DELETE /orders/{id}", "GET /orders/{id}", "PUT /orders/{id}", "GET /stock/{sku}"), List.copyOf(tests.keySet()));
    assertEquals(List.of(
        "without a token: 401 with a Bearer challenge",
        "with an expired token: 401 invalid_token",
        "with a token for audience not-shop-api: 401 invalid_token",
        "with a token signed by a key the issuer does not publish: 401 invalid_token",
        "with a token lacking orders:admin (granting exactly audit): 403 insufficient_scope",
        "with a token lacking audit (granting exactly orders:admin): 403 insufficient_scope",
        "with a token granting exactly orders:admin audit: neither 401 nor 403"), tests.get("DELETE /orders/{id}"));
    assertEquals(List.of(
        "without a token: 401 with a Bearer challenge",
        "with an expired token: 401 invalid_token",
        "with a token for audience not-shop-api: 401 invalid_token",
        "with a token signed by a key the issuer does not publish: 401 invalid_token",
        "with a token granting none of orders:write audit: 403 insufficient_scope",
        "with a token granting only orders:write: neither 401 nor 403",
        "with a token granting only audit: neither 401 nor 403",
        "with a token granting exactly orders:admin (orders:admin implies orders:write): neither 401 nor 403"),
        tests.get("PUT /orders/{id}"));
    assertEquals(List.of("without a token: 401 with a DPoP challenge",
        "with a valid bearer token granting no scope (the endpoint requires DPoP): 401 invalid_token with a DPoP"
            + " challenge",
        "with a DPoP-bound token granting no scope and a proof signed by another key: 401 invalid_token with a DPoP"
            + " challenge",
        "with a DPoP-bound token granting no scope and its proof: neither 401 nor 403"), tests.get("GET /me/keys"));
    assertEquals(List.of("without a token: 401 with a Bearer challenge",
        "with an expired token: 401 invalid_token",
        "with a token for audience not-shop-api: 401 invalid_token",
        "with a token signed by a key the issuer does not publish: 401 invalid_token",
        "with a valid token granting no scope: neither 401 nor 403"), tests.get("GET /orders/count"));
    assertEquals(List.of("without a token: anything but 401"), tests.get("GET /orders/ping"));
  }

  @Test
  void onlyTheCasesOfTheEndpointThatIsLetThroughFail() throws Throwable {
    try (RunningApp app = RunningApp.start(RunningApp.shop()
        .register(new PortcullisFeature(issuer.config())).register(DeleteShortcutFilter.class))) {
      List<String> failures = new ArrayList<>();
      int run = execute(SecurityConformance.of(app.baseUri(), issuer).pathParameter("sku", "A-100").tests(),
          failures);

      assertTrue(run > 40, "only " + run + " tests");
      assertEquals(6, failures.size(), String.join("\n", failures));
      assertEquals("DELETE /orders/{id} (dev.portcullis.test.shop.OrdersResource#delete(String)), sent as DELETE "
          + app.baseUri() + "orders/1: without a token answered 204, expected 401 with a Bearer challenge",
          failures.get(0));
      assertTrue(failures.stream().allMatch(f -> f.startsWith("DELETE /orders/{id} ")), String.join("\n", failures));
    }
  }

  private static Map<String, List<String>> titles(Stream<DynamicNode> nodes) {
    Map<String, List<String>> titles = new LinkedHashMap<>();
    nodes.forEach(node -> titles.put(node.getDisplayName(),
        ((DynamicContainer) node).getChildren().map(DynamicNode::getDisplayName).toList()));
    return titles;
  }

  /** Runs every dynamic test; returns how many ran and adds the message of each that failed. */
  private static int execute(Stream<DynamicNode> nodes, List<String> failures) throws Throwable {
    int run = 0;
    for (DynamicNode node : nodes.toList()) {
      for (DynamicNode child : ((DynamicContainer) node).getChildren().toList()) {
        run++;
        try {
          ((DynamicTest) child).getExecutable().execute();
        } catch (AssertionError e) {
          failures.add(e.getMessage());
        }
      }
    }
    return run;
  }
}
