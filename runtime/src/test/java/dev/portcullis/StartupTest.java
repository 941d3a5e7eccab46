package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testapp.ChildLoaderResource;
import dev.portcullis.testapp.PlainResource;
import dev.portcullis.testapp.StaleResource;
import dev.portcullis.testapp.UnboundResource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Set;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fails closed at startup. Jersey 4 calls DynamicFeature.configure while it builds the
 * application model, and the IllegalStateException thrown there propagates, unwrapped, out
 * of JdkHttpServerFactory.createHttpServer: the server never starts.
 */
class StartupTest {
  private static KeyServer keys;

  @BeforeAll
  static void start() throws IOException {
    keys = new KeyServer();
  }

  @AfterAll
  static void stop() {
    keys.close();
  }

  private static PortcullisConfig config() {
    return PortcullisConfig.builder().issuer(keys.issuer).audience(KeyServer.AUDIENCE).build();
  }

  private static Throwable rootCause(Throwable t) {
    Throwable cause = t;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  @Test
  void annotatedClassWithoutGeneratedBindingStopsStartupAndExplainsTheProcessor() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> TestApp.start(config(), UnboundResource.class).close());
    String message = rootCause(e).getMessage();
    assertTrue(message.contains(UnboundResource.class.getName()), message);
    assertTrue(message.contains("dev.portcullis:portcullis-processor"), message);
    assertTrue(message.contains("annotationProcessorPaths"), message);
    assertTrue(message.contains("-proc:full"), message);
  }

  @Test
  void annotatedClassInAnApplicationThatForgotPortcullisFeatureStopsStartup() {
    ResourceConfig app = new ResourceConfig(dev.portcullis.testapp.OrdersResource.class);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> JdkHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), app).stop(0));
    String message = rootCause(e).getMessage();
    assertTrue(message.contains("PortcullisFeature is not registered"), message);
    assertTrue(message.contains(dev.portcullis.testapp.OrdersResource.class.getName()), message);
  }

  @Test
  void applicationWithoutPortcullisFeatureMayServeAnnotatedClassesUnprotectedOnPurpose() throws Exception {
    ResourceConfig app = new ResourceConfig(PlainResource.class, dev.portcullis.testapp.OrdersResource.class)
        .property("portcullis.require-feature", "false");
    com.sun.net.httpserver.HttpServer server =
        JdkHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), app);
    try {
      java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/plain"))
              .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void applicationWithoutAnnotatedClassesNeedsNoPortcullisFeature() {
    ResourceConfig app = new ResourceConfig(PlainResource.class);
    JdkHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), app).stop(0);
  }

  @Test
  void bindingThatNamesAMissingMethodStopsStartup() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> TestApp.start(config(), StaleResource.class).close());
    String message = rootCause(e).getMessage();
    assertTrue(message.contains("StaleResource.read()"), message);
    assertTrue(message.contains("rebuild"), message);
  }

  @Test
  void classWithoutAnnotationsOrBindingStartsAndIsLeftAlone() {
    try (TestApp app = TestApp.start(config(), PlainResource.class)) {
      Answer answer = app.get("/plain");
      assertEquals(200, answer.status());
      assertEquals("plain", answer.body());
    }
  }

  @Test
  void missingAudienceStopsStartupNamingTheKey() {
    PortcullisConfigException e = assertThrows(PortcullisConfigException.class,
        () -> PortcullisConfig.builder().issuer(keys.issuer).build());
    assertTrue(e.getMessage().contains("portcullis.audience"), e.getMessage());
  }

  @Test
  void bindingListedOnlyByTheContextClassLoaderIsFound(@TempDir Path dir) throws IOException {
    Path services = dir.resolve("META-INF/services/dev.portcullis.spi.ScopeBinding");
    Files.createDirectories(services.getParent());
    Files.writeString(services, ChildLoaderResource.class.getName() + "_ScopeBinding\n");
    ClassLoader child = new java.net.URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(child);
    try (TestApp app = TestApp.start(config(), ChildLoaderResource.class)) {
      assertEquals(401, app.get("/child").status());
      assertEquals(200, app.bearer("/child", keys.token("child:read")).status());
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  @Test
  void bindingListedOnlyByTheResourceClassLoaderIsFound(@TempDir Path dir) throws Exception {
    Path services = dir.resolve("META-INF/services/dev.portcullis.spi.ScopeBinding");
    Files.createDirectories(services.getParent());
    Files.writeString(services, ChildLoaderResource.class.getName() + "_ScopeBinding\n");
    ChildFirstLoader child = new ChildFirstLoader(getClass().getClassLoader(), services.toUri().toURL(),
        Set.of(ChildLoaderResource.class.getName(), ChildLoaderResource.class.getName() + "_ScopeBinding"));
    Class<?> resource = child.loadClass(ChildLoaderResource.class.getName());
    assertTrue(resource != ChildLoaderResource.class);
    try (TestApp app = TestApp.start(config(), resource)) {
      assertEquals(401, app.get("/child").status());
      assertEquals(403, app.bearer("/child", keys.token("other")).status());
      assertEquals(200, app.bearer("/child", keys.token("child:read")).status());
    }
  }

  @Test
  void childLoaderClassWithoutItsServiceFileFailsClosed() throws Exception {
    ChildFirstLoader child = new ChildFirstLoader(getClass().getClassLoader(), null,
        Set.of(ChildLoaderResource.class.getName()));
    Class<?> resource = child.loadClass(ChildLoaderResource.class.getName());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> TestApp.start(config(), resource).close());
    assertTrue(rootCause(e).getMessage().contains("portcullis-processor"), rootCause(e)::getMessage);
  }

  /** Defines the named classes itself, so they are distinct from the test classpath's copies. */
  private static final class ChildFirstLoader extends ClassLoader {
    private final URL services;
    private final Set<String> own;

    ChildFirstLoader(ClassLoader parent, URL services, Set<String> own) {
      super(parent);
      this.services = services;
      this.own = own;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        if (!own.contains(name)) {
          return super.loadClass(name, resolve);
        }
        Class<?> loaded = findLoadedClass(name);
        if (loaded != null) {
          return loaded;
        }
        try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
          byte[] bytes = in.readAllBytes();
          return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
          throw new ClassNotFoundException(name, e);
        }
      }
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      if (services != null && name.equals("META-INF/services/dev.portcullis.spi.ScopeBinding")) {
        return Collections.enumeration(java.util.List.of(services));
      }
      return super.getResources(name);
    }
  }
}
