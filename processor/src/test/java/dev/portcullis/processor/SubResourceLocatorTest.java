package dev.portcullis.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.truth.Truth;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sub-resources are guarded by their own generated filters. A class a locator declares is
 * checked at startup like a root class; a class a locator returns dynamically that was never
 * processed is refused per request with 403, never served and never a 500.
 */
class SubResourceLocatorTest {
  private static final String AUDIENCE = "shop-api";

  /** Annotated, but compiled without the processor: it has no filter. */
  private static final JavaFileObject LEGACY =
      JavaFileObjects.forSourceLines(
          "legacy.Legacy",
          "package legacy;",
          "",
          "public class Legacy {",
          "  @jakarta.ws.rs.GET @dev.portcullis.RequiresScope(\"legacy:read\")",
          "  public String get() { return \"legacy\"; }",
          "}");

  private static final JavaFileObject ITEMS =
      JavaFileObjects.forSourceLines(
          "shop.ItemsResource",
          "package shop;",
          "",
          "public class ItemsResource {",
          "  @jakarta.ws.rs.GET @dev.portcullis.RequiresScope(\"items:read\")",
          "  public String list() { return \"items\"; }",
          "}");

  private static final JavaFileObject SHOP =
      JavaFileObjects.forSourceLines(
          "shop.ShopResource",
          "package shop;",
          "",
          "import jakarta.ws.rs.Path;",
          "",
          "@Path(\"/shop\")",
          "public class ShopResource {",
          "  @Path(\"items\") public ItemsResource items() { return new ItemsResource(); }",
          "",
          "  @Path(\"legacy\") public Object legacy() { return new legacy.Legacy(); }",
          "}");

  private static final JavaFileObject DECLARES_LEGACY =
      JavaFileObjects.forSourceLines(
          "shop.ShopResource",
          "package shop;",
          "",
          "@jakarta.ws.rs.Path(\"/shop\")",
          "public class ShopResource {",
          "  @jakarta.ws.rs.Path(\"legacy\") public legacy.Legacy legacy() { return new legacy.Legacy(); }",
          "}");

  @Test
  void subResourceIsGuardedByItsOwnFilterAndAnUnprocessedDynamicOneIsRefused(@TempDir Path dir)
      throws Exception {
    Path classes = dir.resolve("classes");
    Compilation legacy = Compiler.javac().compile(LEGACY);
    assertThat(legacy).succeeded();
    ClassPaths.writeClassOutput(legacy.generatedFiles(), classes);
    Compilation shop =
        Compiler.javac()
            .withProcessors(new PortcullisProcessor())
            .withClasspath(ClassPaths.withClassesOf(legacy, dir.resolve("legacy")))
            .compile(SHOP, ITEMS);
    assertThat(shop).succeededWithoutWarnings();
    try (ServedCompilation app =
        ServedCompilation.start(shop.generatedFiles(), classes, AUDIENCE, "shop.ShopResource")) {
      assertEquals(401, status(app, "/shop/items", null));
      assertEquals(403, status(app, "/shop/items", token(app, "profile")));
      assertEquals(200, status(app, "/shop/items", token(app, "items:read")));
      assertEquals(403, status(app, "/shop/legacy", token(app, "legacy:read")));
      assertEquals(403, status(app, "/shop/legacy", null));
    }
  }

  @Test
  void unprocessedClassThatALocatorDeclaresRefusesToStart(@TempDir Path dir) throws Exception {
    Path classes = dir.resolve("classes");
    Compilation legacy = Compiler.javac().compile(LEGACY);
    ClassPaths.writeClassOutput(legacy.generatedFiles(), classes);
    Compilation shop =
        Compiler.javac()
            .withProcessors(new PortcullisProcessor())
            .withClasspath(ClassPaths.withClassesOf(legacy, dir.resolve("legacy")))
            .compile(DECLARES_LEGACY);
    assertThat(shop).succeededWithoutWarnings();
    Throwable thrown =
        assertThrows(
            Throwable.class,
            () -> ServedCompilation.start(shop.generatedFiles(), classes, AUDIENCE, "shop.ShopResource")
                .close());
    Throwable root = thrown;
    while (root.getCause() != null && !(root instanceof IllegalStateException)) {
      root = root.getCause();
    }
    Truth.assertThat(root)
        .hasMessageThat()
        .startsWith("The resource class legacy.Legacy carries Portcullis annotations");
  }

  private static String token(ServedCompilation app, String scope) {
    return app.token(AUDIENCE, scope);
  }

  private static int status(ServedCompilation app, String path, String token) throws Exception {
    return app.status("GET", path, token);
  }
}
