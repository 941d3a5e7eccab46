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
  private static final String CHILD_BINDING =
      "META-INF/portcullis/bindings/" + ChildLoaderResource.class.getName() + ".json";
  private static final String CHILD_READ =
      "\"requires\": \"scopes\", \"match\": \"ALL\", \"scopes\": [\"child:read\"]";

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
    assertTrue(message.contains("no generated binding (META-INF/portcullis/bindings/"
        + UnboundResource.class.getName() + ".json)"), message);
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
    assertTrue(message.contains("META-INF/portcullis/bindings/" + StaleResource.class.getName() + ".json"), message);
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

  /**
   * Writes ChildLoaderResource's binding file, which the test class path lacks, below {@code dir}
   * as a class output directory holds it; {@code decision} holds the fields from "requires" on.
   */
  private static Path writeChildBinding(Path dir, String decision) throws IOException {
    Path file = dir.resolve(CHILD_BINDING);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{\"portcullisBinding\": 1, \"resourceClass\": \"" + ChildLoaderResource.class.getName()
        + "\", \"methods\": [{\"name\": \"get\", \"parameterTypes\": [], " + decision + "}]}");
    return file;
  }

  @Test
  void bindingOnlyTheContextClassLoaderHasIsFound(@TempDir Path dir) throws IOException {
    writeChildBinding(dir, CHILD_READ);
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
  void bindingOnlyTheResourceClassLoaderHasIsFound(@TempDir Path dir) throws Exception {
    Path binding = writeChildBinding(dir, CHILD_READ);
    ChildFirstLoader child = new ChildFirstLoader(getClass().getClassLoader(), binding.toUri().toURL(),
        Set.of(ChildLoaderResource.class.getName()));
    Class<?> resource = child.loadClass(ChildLoaderResource.class.getName());
    assertTrue(resource != ChildLoaderResource.class);
    try (TestApp app = TestApp.start(config(), resource)) {
      assertEquals(401, app.get("/child").status());
      assertEquals(403, app.bearer("/child", keys.token("other")).status());
      assertEquals(200, app.bearer("/child", keys.token("child:read")).status());
    }
  }

  @Test
  void resourceClassLoaderComesBeforeTheContextClassLoader(@TempDir Path dir) throws Exception {
    Path own = writeChildBinding(dir.resolve("own"), CHILD_READ);
    writeChildBinding(dir.resolve("context"), "\"requires\": \"public\"");
    ChildFirstLoader child = new ChildFirstLoader(getClass().getClassLoader(), own.toUri().toURL(),
        Set.of(ChildLoaderResource.class.getName()));
    Class<?> resource = child.loadClass(ChildLoaderResource.class.getName());
    ClassLoader context = new java.net.URLClassLoader(new URL[] {dir.resolve("context").toUri().toURL()},
        getClass().getClassLoader());
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(context);
    try (TestApp app = TestApp.start(config(), resource)) {
      assertEquals(401, app.get("/child").status());
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  @Test
  void childLoaderClassWithoutItsBindingFailsClosed() throws Exception {
    ChildFirstLoader child = new ChildFirstLoader(getClass().getClassLoader(), null,
        Set.of(ChildLoaderResource.class.getName()));
    Class<?> resource = child.loadClass(ChildLoaderResource.class.getName());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> TestApp.start(config(), resource).close());
    assertTrue(rootCause(e).getMessage().contains("portcullis-processor"), rootCause(e)::getMessage);
  }

  @Test
  void bindingFromAnotherPortcullisVersionStopsStartup(@TempDir Path dir) throws Exception {
    Path binding = dir.resolve(CHILD_BINDING);
    Files.createDirectories(binding.getParent());
    Files.writeString(binding, "{\"portcullisBinding\": 2, \"resourceClass\": \"" + ChildLoaderResource.class.getName()
        + "\", \"methods\": []}");
    ChildFirstLoader child = new ChildFirstLoader(getClass().getClassLoader(), binding.toUri().toURL(),
        Set.of(ChildLoaderResource.class.getName()));
    Class<?> resource = child.loadClass(ChildLoaderResource.class.getName());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> TestApp.start(config(), resource).close());
    String message = rootCause(e).getMessage();
    assertTrue(message.contains(binding.toUri().toURL().toString()), message);
    assertTrue(message.contains("different Portcullis versions"), message);
    assertTrue(message.contains("rebuild the application with the same version"), message);
  }

  /** Defines the named classes itself, so they are distinct from the test classpath's copies. */
  private static final class ChildFirstLoader extends ClassLoader {
    private final URL binding;
    private final Set<String> own;

    /** {@code binding}, if not null, is ChildLoaderResource's binding file. */
    ChildFirstLoader(ClassLoader parent, URL binding, Set<String> own) {
      super(parent);
      this.binding = binding;
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
    protected URL findResource(String name) {
      return binding != null && name.equals(CHILD_BINDING) ? binding : null;
    }
  }
}
