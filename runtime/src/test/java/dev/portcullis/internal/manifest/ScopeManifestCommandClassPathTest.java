package dev.portcullis.internal.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without arguments the manifest printer lists the fragments of every directory and jar on the
 * class path: {@code java.class.path}, the URLs of the context class loader and its parents,
 * and the jars a jar's manifest names in {@code Class-Path}. (The fragments the processor
 * writes into {@code java.class.path} are listed in the integration tests, where it runs.)
 */
class ScopeManifestCommandClassPathTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void listsTheJarsAndDirectoriesOfTheContextClassLoader(@TempDir Path directory)
      throws IOException {
    Path jar = ManifestRoots.jar(directory.resolve("stock.jar"),
        ManifestRoots.described("warehouse.StockResource"));
    Path classes = ManifestRoots.directory(directory.resolve("classes"),
        ManifestRoots.described("warehouse.StockAdminClient"));

    int status = printClassPath(jar, classes);

    String text = text(out);
    assertEquals(0, status, text(err));
    assertTrue(text.startsWith("Scope manifest of " + jar + ", " + classes + "\n"), text);
    assertTrue(text.contains("  DELETE  /stock/{sku}"), text);
    assertTrue(text.contains("  stock-admin  stock:admin audit  warehouse.StockAdminClient"), text);
  }

  @Test
  void listsTheJarsThatAJarsManifestNamesInClassPath(@TempDir Path directory)
      throws IOException {
    Path api = ManifestRoots.jar(directory.resolve("lib/warehouse-api.jar"),
        ManifestRoots.described("warehouse.WarehouseScopes"));
    Path app = ManifestRoots.jarWithClassPath(directory.resolve("app.jar"),
        ManifestRoots.described("warehouse.StockResource"), "lib/warehouse-api.jar");

    int status = printClassPath(app);

    String text = text(out);
    assertEquals(0, status, text(err));
    assertTrue(text.startsWith("Scope manifest of " + app + ", " + api + "\n"), text);
    assertTrue(text.contains("  stock:admin  stock:write  Everything, including deleting items."),
        text);
  }

  /** Prints the class path with {@code roots} in the context class loader, as a container would. */
  private int printClassPath(Path... roots) throws IOException {
    URL[] urls = new URL[roots.length];
    for (int i = 0; i < roots.length; i++) {
      urls[i] = roots[i].toUri().toURL();
    }
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(urls, previous)) {
      thread.setContextClassLoader(loader);
      return ScopeManifestCommand.print(List.of(), stream(out), stream(err));
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private static PrintStream stream(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }

  private static String text(ByteArrayOutputStream bytes) {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
