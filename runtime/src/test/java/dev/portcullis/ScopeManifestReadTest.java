package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.internal.manifest.ManifestRoots;
import dev.portcullis.spi.AccessRule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ScopeManifest#read} gives programs the manifest the printer prints: every endpoint of
 * the merged fragments with the rule its generated filter enforces, rebuilt from the fragment.
 */
class ScopeManifestReadTest {
  private static final String STOCK = "warehouse.StockResource";

  @Test
  void everyEndpointCarriesItsResourceClassAndTheRuleItsFilterEnforces(@TempDir Path directory)
      throws IOException {
    Path jar = ManifestRoots.jar(directory.resolve("stock.jar"), ManifestRoots.described(STOCK));

    ScopeManifest manifest = ScopeManifest.read(jar);

    assertEquals(List.of(
            "GET /stock " + AccessRule.allOf("stock:read").impliedBy("stock:read", "stock:admin", "stock:write"),
            "POST /stock " + AccessRule.allOf("stock:write", "audit").impliedBy("stock:write", "stock:admin"),
            "GET /stock/count @RequiresToken",
            "GET /stock/health @Public",
            "GET /stock/legacy none",
            "DELETE /stock/{sku} @RequiresScope(\"stock:admin\")",
            "GET /stock/{sku} " + AccessRule.allOf("stock:read").impliedBy("stock:read", "stock:admin", "stock:write"),
            "PUT /stock/{sku} @RequiresScope(value = {\"stock:admin\", \"audit\"}, match = ANY)"),
        manifest.endpoints().stream()
            .map(e -> e.httpMethod() + " " + e.path() + " " + e.rule().map(AccessRule::describe).orElse("none"))
            .toList());
    ScopeManifest.Endpoint adjust = manifest.endpoints().get(1);
    assertEquals(STOCK, adjust.resourceClass());
    assertEquals("warehouse.StockResource#adjust(String)", adjust.javaMethod());
    assertEquals(Optional.of(AccessRule.allOf("stock:write", "audit").impliedBy("stock:write", "stock:admin")),
        adjust.rule());
    assertTrue(adjust.rule().orElseThrow().isSatisfiedBy(List.of("stock:admin", "audit")));
    assertEquals("POST /stock (warehouse.StockResource#adjust(String))", adjust.toString());
    assertEquals(List.of(), manifest.warnings());
  }

  @Test
  void endpointsKeepTheStepUpTheirFiltersEnforce(@TempDir Path directory) throws IOException {
    Path jar = ManifestRoots.jar(directory.resolve("account.jar"), ManifestRoots.described("shop.AccountResource"));

    ScopeManifest manifest = ScopeManifest.read(jar);

    assertEquals(List.of(
            "DELETE /account " + AccessRule.anyToken().requiringMaxAge(60),
            "GET /account " + AccessRule.allOf("account:read").requiringAcr("mfa", "phr"),
            "PUT /account " + AccessRule.allOf("account:write").requiringAcr("phr").requiringMaxAge(300),
            "GET /account/keys " + AccessRule.anyToken().requiringMaxAge(600).requiringDpop(Dpop.ALLOWED),
            "POST /account/payments " + AccessRule.allOf("account:write").requiringDpop(Dpop.REQUIRED),
            "GET /account/plain @RequiresToken",
            "GET /account/terms @Public"),
        manifest.endpoints().stream()
            .map(e -> e.httpMethod() + " " + e.path() + " " + e.rule().map(AccessRule::describe).orElse("none"))
            .toList());
    assertEquals(Optional.of(AccessRule.allOf("account:write").requiringDpop(Dpop.REQUIRED)),
        manifest.endpoints().get(4).rule());
  }

  @Test
  void aFragmentWrittenBeforeDpopReadsAsConfigured(@TempDir Path directory) throws IOException {
    String older = ManifestRoots.fragment("shop.AccountResource").replaceAll("\\n *\"dpop\": [^\\n]*", "");
    Path jar = ManifestRoots.jar(directory.resolve("account.jar"),
        ManifestRoots.describedAs("shop.AccountResource", older));

    ScopeManifest manifest = ScopeManifest.read(jar);

    assertEquals(7, manifest.endpoints().size());
    assertTrue(manifest.endpoints().stream().allMatch(e -> e.rule().orElseThrow().dpop() == Dpop.AS_CONFIGURED));
    assertEquals(Optional.of(AccessRule.allOf("account:write")), manifest.endpoints().get(4).rule());
  }

  @Test
  void aFragmentWithAnUnknownDpopValueIsAnError(@TempDir Path directory) throws IOException {
    String unknown = ManifestRoots.fragment("shop.AccountResource").replace("\"dpop\": \"REQUIRED\"",
        "\"dpop\": \"SOMETIMES\"");
    Path jar = ManifestRoots.jar(directory.resolve("account.jar"),
        ManifestRoots.describedAs("shop.AccountResource", unknown));

    IOException e = assertThrows(IOException.class, () -> ScopeManifest.read(jar));

    assertEquals("The scope manifest fragment of shop.AccountResource lists an endpoint with dpop SOMETIMES (POST"
        + " /account/payments); rebuild it with the Portcullis annotation processor of this runtime's version.",
        e.getMessage());
  }

  @Test
  void aStaleFragmentIsLeftOutWithAWarning(@TempDir Path directory) throws IOException {
    SortedMap<String, String> entries = new TreeMap<>(ManifestRoots.described("shop.OrdersResource"));
    entries.put(ScopeManifest.DIRECTORY + STOCK + ".json", ManifestRoots.fragment(STOCK));
    Path classes = ManifestRoots.directory(directory.resolve("classes"), entries);

    ScopeManifest manifest = ScopeManifest.read(classes);

    assertTrue(manifest.endpoints().stream().noneMatch(e -> e.resourceClass().equals(STOCK)));
    assertTrue(manifest.endpoints().stream().allMatch(e -> e.resourceClass().equals("shop.OrdersResource")));
    assertEquals(1, manifest.warnings().size());
    assertTrue(manifest.warnings().get(0).startsWith("Left out META-INF/portcullis/scopes/" + STOCK + ".json"),
        manifest.warnings().get(0));
  }

  @Test
  void aLocationWithoutFragmentsIsAnError(@TempDir Path directory) throws IOException {
    Path jar = ManifestRoots.jar(directory.resolve("empty.jar"), Map.of("README", ""));

    IOException e = assertThrows(IOException.class, () -> ScopeManifest.read(jar));

    assertEquals(jar + " has no " + ScopeManifest.DIRECTORY
        + "; was it compiled with the Portcullis annotation processor?", e.getMessage());
  }

  @Test
  void aFragmentOfANewerFormatIsAnErrorRatherThanMisread(@TempDir Path directory) throws IOException {
    String newer = ManifestRoots.fragment(STOCK).replace("\"formatVersion\": 1", "\"formatVersion\": 2");
    Path jar = ManifestRoots.jar(directory.resolve("stock.jar"), ManifestRoots.describedAs(STOCK, newer));

    IOException e = assertThrows(IOException.class, () -> ScopeManifest.read(jar));

    assertEquals("The scope manifest fragment of warehouse.StockResource has formatVersion 2, but this"
        + " Portcullis runtime reads version 1; use the runtime of the Portcullis version whose processor"
        + " wrote it.", e.getMessage());
  }
}
