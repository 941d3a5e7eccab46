package dev.portcullis.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.sun.net.httpserver.HttpServer;
import dev.portcullis.PortcullisConfig;
import dev.portcullis.PortcullisFeature;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the processor generates protects a real Jersey server: the resource class is compiled
 * with the processor, loaded with its binding and services file, and called over HTTP with
 * tokens from a real authorization server.
 */
class HttpRoundTripTest {
  private static final String AUDIENCE = "orders-api";
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir static Path classes;

  private static MockOAuth2Server authorizationServer;
  private static URLClassLoader loader;
  private static HttpServer server;
  private static URI base;

  @BeforeAll
  static void startServers() throws Exception {
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new PortcullisProcessor())
            .compile(
                TestSources.source("shop/http/AdminApi.java"),
                TestSources.source("shop/http/ShopResource.java"));
    assertThat(compilation).succeededWithoutWarnings();
    writeClassOutput(compilation);

    authorizationServer = new MockOAuth2Server();
    authorizationServer.start(InetAddress.getByName("127.0.0.1"), 0);

    loader =
        new URLClassLoader(
            new URL[] {classes.toUri().toURL()}, HttpRoundTripTest.class.getClassLoader());
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    // The runtime finds bindings through the context class loader, as in a web container.
    thread.setContextClassLoader(loader);
    try {
      PortcullisConfig config =
          PortcullisConfig.builder()
              .issuer(authorizationServer.issuerUrl("default").toString())
              .audience(AUDIENCE)
              .build();
      ResourceConfig app =
          new ResourceConfig(loader.loadClass("shop.http.ShopResource"))
              .register(new PortcullisFeature(config));
      server = JdkHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), app);
      base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  @AfterAll
  static void stopServers() throws IOException {
    if (server != null) {
      server.stop(0);
    }
    if (authorizationServer != null) {
      authorizationServer.shutdown();
    }
    if (loader != null) {
      loader.close();
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
    return authorizationServer
        .issueToken(
            "default",
            "client",
            new DefaultOAuth2TokenCallback(
                "default", "bob", "JWT", List.of(AUDIENCE), Map.of("scope", scope), 3600))
        .serialize();
  }

  private static int status(String method, String path, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(20))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static void writeClassOutput(Compilation compilation) throws IOException {
    for (JavaFileObject file : compilation.generatedFiles()) {
      String name = file.getName();
      if (name.startsWith("/CLASS_OUTPUT/")) {
        Path target = classes.resolve(name.substring("/CLASS_OUTPUT/".length()));
        Files.createDirectories(target.getParent());
        try (InputStream in = file.openInputStream()) {
          Files.write(target, in.readAllBytes());
        }
      }
    }
  }
}
