package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portcullis.internal.StartupMessages;
import dev.portcullis.spi.ResourceFilter;
import dev.portcullis.testapp.ItemsResource;
import dev.portcullis.testapp.OrdersResource;
import dev.portcullis.testapp.PlainResource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fails closed at startup. Jersey 4 calls DynamicFeature.configure while it builds the
 * application model, and the IllegalStateException thrown there propagates, unwrapped, out
 * of JdkHttpServerFactory.createHttpServer: the server never starts.
 *
 * <p>Every class of the test application has the filter the processor generated for it; a
 * class loader that defines a resource class itself, and shows or hides its filter, stands for
 * deployments where the two are not side by side.
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
  void annotatedClassWithoutGeneratedFilterStopsStartupAndExplainsTheProcessor() throws Exception {
    // ItemsResource's only Portcullis annotation sits on the API interface it implements.
    Class<?> resource = new ChildFirstLoader(Set.of(ItemsResource.class.getName()),
        Set.of(ResourceFilter.filterName(ItemsResource.class))).loadClass(ItemsResource.class.getName());
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> TestApp.start(config(), resource).close());
    assertEquals(StartupMessages.processorMissing(ItemsResource.class), rootCause(e).getMessage());
  }

  @Test
  void generatedFilterIsFoundThroughTheResourceClassLoader() throws Exception {
    ChildFirstLoader loader = new ChildFirstLoader(
        Set.of(OrdersResource.class.getName(), ResourceFilter.filterName(OrdersResource.class)), Set.of());
    Class<?> resource = loader.loadClass(OrdersResource.class.getName());
    assertNotSame(OrdersResource.class, resource);
    try (TestApp app = TestApp.start(config(), resource)) {
      assertEquals(401, app.get("/orders").status());
      assertEquals(403, app.bearer("/orders", keys.token("orders:write")).status());
      assertEquals(200, app.bearer("/orders", keys.token("orders:read")).status());
    }
  }

  @Test
  void filterThatGuardsACopyOfTheClassFromAnotherLoaderStopsStartup() throws Exception {
    // The child loader defines OrdersResource but leaves its filter, and so the filter's OrdersResource, to its parent.
    Class<?> resource = new ChildFirstLoader(Set.of(OrdersResource.class.getName()), Set.of())
        .loadClass(OrdersResource.class.getName());
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> TestApp.start(config(), resource).close());
    assertEquals(StartupMessages.filterOfAnotherCopy(resource, OrdersResource.class), rootCause(e).getMessage());
  }

  @Test
  void annotatedClassInAnApplicationThatForgotPortcullisFeatureStopsStartup() {
    ResourceConfig app = new ResourceConfig(OrdersResource.class);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> JdkHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), app).stop(0));
    assertEquals(StartupMessages.featureMissing(OrdersResource.class), rootCause(e).getMessage());
  }

  @Test
  void applicationWithoutPortcullisFeatureMayServeAnnotatedClassesUnprotectedOnPurpose() throws Exception {
    ResourceConfig app = new ResourceConfig(PlainResource.class, OrdersResource.class)
        .property("portcullis.require-feature", "false");
    com.sun.net.httpserver.HttpServer server =
        JdkHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), app);
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/orders")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode());
      assertEquals("orders", response.body());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void applicationWithoutAnnotatedClassesNeedsNoPortcullisFeature() throws Exception {
    // The guard is discovered in every Jersey application on this class path; with nothing
    // annotated it must neither stop startup nor touch requests.
    ResourceConfig app = new ResourceConfig(PlainResource.class);
    com.sun.net.httpserver.HttpServer server =
        JdkHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), app);
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/plain"))
              .header("Authorization", "Bearer not-a-jwt").build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode());
      assertEquals("plain", response.body());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void classWithoutAnnotationsHasNoFilterAndIsLeftAlone() {
    assertThrows(ClassNotFoundException.class, () -> Class.forName(ResourceFilter.filterName(PlainResource.class)));
    try (TestApp app = TestApp.start(config(), PlainResource.class)) {
      Answer answer = app.get("/plain", "Authorization", "Bearer not-a-jwt");
      assertEquals(200, answer.status());
      assertEquals("plain", answer.body());
    }
  }

  /**
   * Defines the classes named in {@code own} itself, from the test class path's bytes, so that
   * they are distinct from the class path's copies; answers {@link ClassNotFoundException} for
   * those named in {@code hidden}; leaves every other class to its parent.
   */
  private static final class ChildFirstLoader extends ClassLoader {
    private final Set<String> own;
    private final Set<String> hidden;

    ChildFirstLoader(Set<String> own, Set<String> hidden) {
      super(StartupTest.class.getClassLoader());
      this.own = own;
      this.hidden = hidden;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (hidden.contains(name)) {
        throw new ClassNotFoundException(name);
      }
      if (!own.contains(name)) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
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
  }
}
