package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest printer reads manifests from jars or the class path and prints aligned tables. */
class ScopeManifestTest {

  @Test
  void printsEndpointsClientsAndScopesOfAJarAsAlignedTables(@TempDir Path directory)
      throws IOException {
    Path jar = directory.resolve("app.jar");
    try (InputStream manifest = getClass().getResourceAsStream("/" + ScopeManifest.RESOURCE);
        OutputStream file = Files.newOutputStream(jar);
        ZipOutputStream zip = new ZipOutputStream(file)) {
      zip.putNextEntry(new ZipEntry(ScopeManifest.RESOURCE));
      manifest.transferTo(zip);
      zip.closeEntry();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status = ScopeManifest.print(List.of(jar.toString()), print(out), print(err));

    String text = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
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
  void withoutArgumentsPrintsEveryManifestOnTheClassPath() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int status = ScopeManifest.print(List.of(), print(out), print(new ByteArrayOutputStream()));

    String text = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, status);
    assertTrue(text.startsWith("Scope manifest file:"), text);
    assertTrue(text.contains(ScopeManifest.RESOURCE + "\n"), text);
    assertTrue(text.contains("\n  DELETE  /stock/{sku}   stock:admin "), text);
  }

  @Test
  void fileWithoutAManifestIsAnErrorSayingWhy(@TempDir Path directory) throws IOException {
    Path jar = directory.resolve("empty.jar");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
      zip.putNextEntry(new ZipEntry("README"));
      zip.closeEntry();
    }
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status =
        ScopeManifest.print(List.of(jar.toString()), print(new ByteArrayOutputStream()), print(err));

    assertEquals(1, status);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("has no " + ScopeManifest.RESOURCE));
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }
}
