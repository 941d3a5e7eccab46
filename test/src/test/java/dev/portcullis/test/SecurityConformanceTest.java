package dev.portcullis.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.PortcullisConfig.DpopPolicy;
import dev.portcullis.PortcullisFeature;
import dev.portcullis.ScopeManifest;
import dev.portcullis.test.shop.DeleteShortcutFilter;
import dev.portcullis.test.shop.LinesResource;
import dev.portcullis.test.shop.OrdersResource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conformance check over real HTTP: it passes on the shop as the processor generated its
 * filters, and names the endpoint, the request and the answer when an application lets a request
 * through that its manifest says must be refused, or refuses one it must let through.
 */
class SecurityConformanceTest {
  private static final String ORDERS = "dev.portcullis.test.shop.OrdersResource";

  @RegisterExtension
  static final TestIssuer issuer = TestIssuer.create("shop-api");

  private static RunningApp shop;

  @BeforeAll
  static void start() {
    shop = RunningApp.start(issuer.config());
  }

  @AfterAll
  static void stop() {
    shop.close();
  }

  @Test
  void passesOnAnApplicationProtectedAsItsManifestDeclares() {
    SecurityConformance.of(shop.baseUri(), issuer).pathParameter("sku", "A-100").check();
  }

  @Test
  void passesOnAnApplicationThatAllowsDpopEverywhereWhenToldSo() {
    try (RunningApp app = RunningApp.start(issuer.configBuilder().dpop(DpopPolicy.ALLOWED).build())) {
      SecurityConformance.of(app.baseUri(), issuer).pathParameter("sku", "A-100").dpop(DpopPolicy.ALLOWED).check();
    }
  }

  @Test
  void passesOnAnApplicationThatRequiresDpopAndNoncesEverywhereWhenToldSo() {
    try (RunningApp app = RunningApp.start(issuer.configBuilder().dpop(DpopPolicy.REQUIRED)
        .dpopNonceRequired(true).build())) {
      SecurityConformance.of(app.baseUri(), issuer).pathParameter("sku", "A-100").dpop(DpopPolicy.REQUIRED).check();
    }
  }

  @Test
  void anApplicationThatRefusesDpopWhereItIsExpectedHasThoseEndpointsReported() {
    // The shop has DPoP off but for GET /me/keys, which requires it whatever the application says.
    AssertionError failure = assertThrows(AssertionError.class, () -> SecurityConformance.of(shop.baseUri(), issuer)
        .pathParameter("sku", "A-100").dpop(DpopPolicy.ALLOWED).check());

    List<String> lines = failure.getMessage().lines().toList();
    assertEquals("8 of 10 endpoints do not behave as the scope manifest declares, at " + shop.baseUri() + ":",
        lines.get(0));
    String list = lines.stream().filter(line -> line.startsWith("  GET /orders (")).findFirst().orElseThrow();
    assertEquals("  GET /orders (" + ORDERS + "#list()), sent as GET " + shop.baseUri() + "orders:"
        + " with a DPoP-bound token granting exactly orders:read and a proof signed by another key answered 401,"
        + " expected 401 invalid_token in the DPoP challenge;"
        + " with a DPoP-bound token granting exactly orders:read and its proof answered 401,"
        + " expected neither 401 nor 403 (does the application take DPoP at this endpoint? Tell the check the"
        + " application's portcullis.dpop with dpop(...))", list);
  }

  @Test
  void anApplicationThatRequiresDpopFailsTheBearerCasesOfACheckNotToldSo() {
    try (RunningApp app = RunningApp.start(issuer.configBuilder().dpop(DpopPolicy.REQUIRED).build())) {
      AssertionError failure = assertThrows(AssertionError.class,
          () -> SecurityConformance.of(app.baseUri(), issuer).pathParameter("sku", "A-100").check());

      assertTrue(failure.getMessage().startsWith("8 of 10 endpoints do not behave as the scope manifest declares"),
          failure::getMessage);
      assertTrue(failure.getMessage().contains("without a token answered 401 with challenge DPoP realm="),
          failure::getMessage);
    }
  }

  @Test
  void aHandRegisteredFilterThatAnswersOneEndpointItselfIsReportedOnOneLine() {
    try (RunningApp app = RunningApp.start(RunningApp.shop()
        .register(new PortcullisFeature(issuer.config())).register(DeleteShortcutFilter.class))) {
      AssertionError failure = assertThrows(AssertionError.class,
          () -> SecurityConformance.of(app.baseUri(), issuer).pathParameter("sku", "A-100").check());

      String base = app.baseUri().toString();
      assertEquals("1 of 10 endpoints do not behave as the scope manifest declares, at " + base + ":\n"
          + "  DELETE /orders/{id} (" + ORDERS + "#delete(String)), sent as DELETE " + base + "orders/1:"
          + " without a token answered 204, expected 401 with a Bearer challenge;"
          + " with an expired token answered 204, expected 401 invalid_token;"
          + " with a token for audience not-shop-api answered 204, expected 401 invalid_token;"
          + " with a token signed by a key the issuer does not publish answered 204, expected 401 invalid_token;"
          + " with a token lacking orders:admin (granting exactly audit) answered 204, expected 403 insufficient_scope;"
          + " with a token lacking audit (granting exactly orders:admin) answered 204, expected 403 insufficient_scope",
          failure.getMessage());
    }
  }

  @Test
  void anApplicationServedWithoutTheFeatureHasEveryProtectedEndpointReported() {
    try (RunningApp app = RunningApp.start(RunningApp.shop().property("portcullis.require-feature", false))) {
      AssertionError failure = assertThrows(AssertionError.class,
          () -> SecurityConformance.of(app.baseUri(), issuer).pathParameter("sku", "A-100").check());

      List<String> lines = failure.getMessage().lines().toList();
      assertEquals("9 of 10 endpoints do not behave as the scope manifest declares, at " + app.baseUri() + ":",
          lines.get(0));
      assertEquals(List.of("GET /me", "GET /me/keys", "GET /orders", "POST /orders", "GET /orders/count",
              "DELETE /orders/{id}",
              "GET /orders/{id}", "PUT /orders/{id}", "GET /stock/{sku}"),
          lines.stream().skip(1).map(line -> line.substring(2, line.indexOf(" ("))).toList(),
          failure.getMessage());
      String list = lines.get(3);
      assertTrue(list.startsWith("  GET /orders (" + ORDERS + "#list()), sent as GET " + app.baseUri() + "orders:"
          + " without a token answered 200, expected 401 with a Bearer challenge;"), list);
    }
  }

  @Test
  void aManifestStricterThanTheFilterIsReportedAtTheScopeTheFilterDoesNotCheck(@TempDir Path directory)
      throws IOException {
    Path classes = classesWithFragment(directory, fragment().replace(
        "\"javaMethod\": \"" + ORDERS + "#get(String)\",\n      \"kind\": \"SCOPES\",\n      \"match\": \"ALL\",\n"
            + "      \"maxAge\": null,\n"
            + "      \"path\": \"/orders/{id}\",\n      \"satisfiedBy\": {\n"
            + "        \"orders:read\": [\"orders:admin\", \"orders:read\", \"orders:write\"]\n      },\n"
            + "      \"scopes\": [\"orders:read\"]",
        "\"javaMethod\": \"" + ORDERS + "#get(String)\",\n      \"kind\": \"SCOPES\",\n      \"match\": \"ALL\",\n"
            + "      \"maxAge\": null,\n"
            + "      \"path\": \"/orders/{id}\",\n      \"satisfiedBy\": {\n"
            + "        \"orders:read\": [\"orders:admin\", \"orders:read\", \"orders:write\"]\n      },\n"
            + "      \"scopes\": [\"orders:read\", \"audit\"]"));

    AssertionError failure = assertThrows(AssertionError.class,
        () -> SecurityConformance.of(shop.baseUri(), issuer).manifest(classes).check());

    assertEquals("1 of 7 endpoints do not behave as the scope manifest declares, at " + shop.baseUri() + ":\n"
        + "  GET /orders/{id} (" + ORDERS + "#get(String)), sent as GET " + shop.baseUri() + "orders/1:"
        + " with a token lacking audit (granting exactly orders:read) answered 200, expected 403 insufficient_scope",
        failure.getMessage());
  }

  @Test
  void aManifestWeakerThanTheFilterIsReportedAtTheRequestTheFilterRefuses(@TempDir Path directory)
      throws IOException {
    String fragment = fragment();
    int count = fragment.indexOf("\"javaMethod\": \"" + ORDERS + "#count()\"");
    Path classes = classesWithFragment(directory, fragment.substring(0, count)
        + fragment.substring(count).replaceFirst("\"kind\": \"TOKEN\"", "\"kind\": \"PUBLIC\""));

    AssertionError failure = assertThrows(AssertionError.class,
        () -> SecurityConformance.of(shop.baseUri(), issuer).manifest(classes).check());

    assertEquals("1 of 7 endpoints do not behave as the scope manifest declares, at " + shop.baseUri() + ":\n"
        + "  GET /orders/count (" + ORDERS + "#count()), sent as GET " + shop.baseUri() + "orders/count:"
        + " without a token answered 401, expected anything but 401", failure.getMessage());
  }

  @Test
  void anApplicationThatTrustsAnotherIssuerFailsEveryRequestItMustLetThroughWithAHint() {
    try (TestIssuer other = TestIssuer.create("shop-api");
        RunningApp app = RunningApp.start(other.config())) {
      AssertionError failure = assertThrows(AssertionError.class,
          () -> SecurityConformance.of(app.baseUri(), issuer).resources(OrdersResource.class).check());

      List<String> lines = failure.getMessage().lines().toList();
      assertEquals("6 of 7 endpoints do not behave as the scope manifest declares, at " + app.baseUri() + ":",
          lines.get(0));
      assertTrue(lines.contains("  GET /orders/count (" + ORDERS + "#count()), sent as GET " + app.baseUri()
          + "orders/count: with a valid token granting no scope answered 401 invalid_token, expected neither 401"
          + " nor 403 (does the application trust this test issuer and its audience? Configure it with"
          + " issuer.config())"), failure.getMessage());
    }
  }

  @Test
  void aTemplateValueThatMatchesNoResourceMethodIsReportedWithAHint() {
    AssertionError failure = assertThrows(AssertionError.class,
        () -> SecurityConformance.check(shop.baseUri(), issuer));

    List<String> lines = failure.getMessage().lines().toList();
    assertEquals(2, lines.size(), failure.getMessage());
    assertTrue(lines.get(1).startsWith("  GET /stock/{sku} (dev.portcullis.test.shop.StockResource#level(String)),"
        + " sent as GET " + shop.baseUri() + "stock/1: without a token answered 404, expected 401 with a Bearer"
        + " challenge (the request reached no resource method: is the class deployed at this base URI, and does"
        + " each {template} of the path have a value?);"), lines.get(1));
  }

  @Test
  void aNamedResourceClassMissingFromTheManifestIsAnError() {
    AssertionError failure = assertThrows(AssertionError.class,
        () -> SecurityConformance.of(shop.baseUri(), issuer).resources(OrdersResource.class, String.class).check());

    assertEquals("The scope manifest on the class path lists no endpoint of java.lang.String. Compile it with the"
        + " Portcullis annotation processor (annotationProcessorPaths), or name the classes directory or jar that"
        + " holds it with manifest(...).", failure.getMessage());
  }

  @Test
  void nothingToCheckIsAFailureNotAPass() {
    AssertionError failure = assertThrows(AssertionError.class,
        () -> SecurityConformance.of(shop.baseUri(), issuer).resources(LinesResource.class).check());

    assertTrue(failure.getMessage().startsWith("The scope manifest on the class path lists no endpoint with a"
        + " Portcullis decision to check."), failure.getMessage());
  }

  /** The shop's test classes with {@code json} as OrdersResource's fragment. */
  private static Path classesWithFragment(Path directory, String json) throws IOException {
    Path classFile = directory.resolve(ORDERS.replace('.', '/') + ".class");
    Files.createDirectories(classFile.getParent());
    Files.write(classFile, new byte[0]);
    Path fragment = directory.resolve(ScopeManifest.DIRECTORY + ORDERS + ".json");
    Files.createDirectories(fragment.getParent());
    Files.writeString(fragment, json);
    assertEquals(7, ScopeManifest.read(directory).endpoints().stream()
        .filter(e -> e.rule().isPresent()).count(), json);
    return directory;
  }

  /** OrdersResource's fragment as the processor wrote it. */
  private static String fragment() throws IOException {
    try (InputStream in = SecurityConformanceTest.class.getResourceAsStream(
        "/" + ScopeManifest.DIRECTORY + ORDERS + ".json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
