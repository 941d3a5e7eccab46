package dev.portcullis.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the processor generates protects a real Jersey server: the resource class is compiled
 * with the processor, loaded with its binding file, and called over HTTP with tokens from a
 * real authorization server.
 */
class HttpRoundTripTest {
  private static final String AUDIENCE = "orders-api";

  @TempDir static Path classes;

  private static ServedCompilation app;

  @BeforeAll
  static void startServers() throws Exception {
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new PortcullisProcessor())
            .compile(
                TestSources.source("shop/http/AdminApi.java"),
                TestSources.source("shop/http/ShopResource.java"));
    assertThat(compilation).succeededWithoutWarnings();
    app =
        ServedCompilation.start(
            compilation.generatedFiles(), classes, AUDIENCE, "shop.http.ShopResource");
  }

  @AfterAll
  static void stopServers() throws Exception {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void publicMethodNeedsNoToken() throws Exception {
    assertEquals(200, status("GET", "/shop/health", null));
  }

  @Test
  void classRequirementRejectsRequestsWithoutToken() throws Exception {
    assertEquals(401, status("GET", "/shop", null));
  }

  @Test
  void classRequirementAcceptsTokenWithTheScope() throws Exception {
    assertEquals(200, status("GET", "/shop", token("orders:read")));
  }

  @Test
  void classRequirementRejectsTokenWithoutTheScope() throws Exception {
    assertEquals(403, status("GET", "/shop", token("profile")));
  }

  @Test
  void methodRequirementReplacesTheClassRequirement() throws Exception {
    assertEquals(403, status("POST", "/shop", token("orders:read")));
    assertEquals(200, status("POST", "/shop", token("orders:write")));
  }

  @Test
  void requiresTokenAcceptsAnyValidToken() throws Exception {
    assertEquals(200, status("GET", "/shop/me", token("profile")));
    assertEquals(401, status("GET", "/shop/me", null));
  }

  @Test
  void anyMatchRequirementInheritedFromTheInterfaceAcceptsOneOfTheScopes() throws Exception {
    assertEquals(200, status("DELETE", "/shop/all", token("ops")));
    assertEquals(403, status("DELETE", "/shop/all", token("orders:read")));
  }

  private static String token(String scope) {
    return app.token(AUDIENCE, scope);
  }

  private static int status(String method, String path, String token) throws Exception {
    return app.status(method, path, token);
  }
}
