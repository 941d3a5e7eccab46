package dev.portcullis.internal.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.ScopeManifest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manifest printer merges every fragment of the directories and jars it is given into one
 * set of aligned tables, leaves out fragments whose class is gone, and lists a type described
 * in two places once.
 */
class ScopeManifestCommandTest {
  private static final String STOCK = "warehouse.StockResource";
  private static final String CLIENT = "warehouse.StockAdminClient";
  private static final String CATALOGUE = "warehouse.WarehouseScopes";

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void printsEndpointsClientsAndScopesOfAJarAsAlignedTables(@TempDir Path directory)
      throws IOException {
    Path jar = ManifestRoots.jar(directory.resolve("app.jar"),
        ManifestRoots.described(STOCK, CLIENT, CATALOGUE));

    int status = print(jar.toString());

    String text = text(out);
    assertEquals(0, status, text(err));
    assertTrue(text.startsWith("Scope manifest of " + jar + "\n"), text);
    assertTrue(text.contains("\n  METHOD  PATH           REQUIRES                  ALSO ACCEPTS"
        + "             JAVA METHOD\n"), text);
    assertTrue(text.contains("\n  GET     /stock         stock:read                stock:admin"
        + " stock:write  warehouse.StockResource#list()\n"), text);
    assertTrue(text.contains("\n  POST    /stock         all of stock:write audit  stock:admin"
        + "              warehouse.StockResource#adjust(String)\n"), text);
    assertTrue(text.contains("\n  GET     /stock/legacy  NOT PROTECTED"), text);
    assertTrue(text.contains("\n  stock-admin  stock:admin audit  warehouse.StockAdminClient\n"),
        text);
    assertTrue(text.contains("\n  stock:write  stock:read   Change stock levels."), text);
  }

  @Test
  void stepUpIsPrintedWithTheRequirement(@TempDir Path directory) throws IOException {
    Path jar = ManifestRoots.jar(directory.resolve("account.jar"), ManifestRoots.described("shop.AccountResource"));

    int status = print(jar.toString());

    String text = text(out);
    assertEquals(0, status, text(err));
    assertTrue(text.contains("  PUT     /account           account:write, acr phr, max age 300s  "), text);
    assertTrue(text.contains("  GET     /account           account:read, acr mfa phr  "), text);
    assertTrue(text.contains("  DELETE  /account           any valid token, max age 60s  "), text);
    assertTrue(text.contains("  POST    /account/payments  account:write, DPoP required  "), text);
    assertTrue(text.contains("  GET     /account/keys      any valid token, max age 600s, DPoP allowed  "), text);
  }

  @Test
  void fragmentsOfSeveralClassesAndPlacesMergeIntoOneSortedTable(@TempDir Path directory)
      throws IOException {
    Path classes = ManifestRoots.directory(directory.resolve("classes"),
        ManifestRoots.described("shop.OrdersResource"));
    Path jar = ManifestRoots.jar(directory.resolve("stock.jar"), ManifestRoots.described(STOCK));

    int status = print(jar.toString(), classes.toString());

    String text = text(out);
    assertEquals(0, status, text(err));
    assertTrue(text.startsWith("Scope manifest of " + jar + ", " + classes + "\n"), text);
    assertEquals(text.indexOf("ENDPOINTS"), text.lastIndexOf("ENDPOINTS"), text);
    // Sorted by path, then by HTTP method, whichever place a fragment came from.
    int orders = text.indexOf("  GET     /orders ");
    int create = text.indexOf("  POST    /orders ");
    int delete = text.indexOf("  DELETE  /orders/{id} ");
    int stock = text.indexOf("  GET     /stock ");
    assertTrue(orders > 0 && create > orders && delete > create && stock > delete, text);
  }

  @Test
  void typeDescribedDifferentlyInTwoJarsIsListedFromTheFirstWithAWarning(
      @TempDir Path directory) throws IOException {
    Path first = ManifestRoots.jar(directory.resolve("first.jar"), ManifestRoots.described(STOCK));
    String moved = ManifestRoots.fragment(STOCK).replace("\"/stock", "\"/inventory");
    Path second = ManifestRoots.jar(directory.resolve("second.jar"),
        ManifestRoots.describedAs(STOCK, moved));

    int status = print(first.toString(), second.toString());

    assertEquals(0, status, text(err));
    assertTrue(text(out).contains("  GET     /stock "), text(out));
    assertFalse(text(out).contains("/inventory"), text(out));
    assertTrue(text(out).startsWith("Scope manifest of " + first + "\n"), text(out));
    assertEquals("Two different scope manifest fragments describe warehouse.StockResource, in "
        + first + " and in " + second + ". Listing the one in " + first + ", read first, as the"
        + " class is loaded from the first entry that has it; rebuild or remove the other.\n",
        text(err));
  }

  @Test
  void typeDescribedAlikeInTwoJarsIsListedOnceWithoutAWarning(@TempDir Path directory)
      throws IOException {
    Path api = ManifestRoots.jar(directory.resolve("api.jar"), ManifestRoots.described(STOCK));
    Path shaded = ManifestRoots.jar(directory.resolve("shaded.jar"),
        ManifestRoots.described(STOCK, CLIENT));

    int status = print(api.toString(), shaded.toString());

    String text = text(out);
    assertEquals(0, status);
    assertEquals("", text(err));
    assertEquals(text.indexOf("StockResource#list()"), text.lastIndexOf("StockResource#list()"));
    assertTrue(text.contains("stock-admin"), text);
  }

  @Test
  void fragmentWhoseClassIsGoneIsLeftOutSayingWhy(@TempDir Path directory) throws IOException {
    SortedMap<String, String> entries = new TreeMap<>(ManifestRoots.described(CLIENT));
    entries.put(ScopeManifest.DIRECTORY + STOCK + ".json", ManifestRoots.fragment(STOCK));
    Path classes = ManifestRoots.directory(directory.resolve("classes"), entries);

    int status = print(classes.toString());

    assertEquals(0, status, text(err));
    assertFalse(text(out).contains("/stock"), text(out));
    assertTrue(text(out).contains("stock-admin"), text(out));
    assertEquals("Left out META-INF/portcullis/scopes/warehouse.StockResource.json of " + classes
        + ": there is no warehouse/StockResource.class beside it, so it describes a class that is"
        + " gone. Rebuild from clean to remove it.\n", text(err));
  }

  @Test
  void jarWithoutFragmentsIsAnErrorSayingWhy(@TempDir Path directory) throws IOException {
    Path jar = ManifestRoots.jar(directory.resolve("empty.jar"), Map.of("README", ""));

    int status = print(jar.toString());

    assertEquals(1, status);
    assertEquals(jar + " has no " + ScopeManifest.DIRECTORY
        + "; was it compiled with the Portcullis annotation processor?\n", text(err));
  }

  private int print(String... paths) {
    return ScopeManifestCommand.print(List.of(paths), stream(out), stream(err));
  }

  private static PrintStream stream(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }

  private static String text(ByteArrayOutputStream bytes) {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
