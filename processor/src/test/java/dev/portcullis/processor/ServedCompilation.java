package dev.portcullis.processor;

import com.sun.net.httpserver.HttpServer;
import dev.portcullis.PortcullisConfig;
import dev.portcullis.PortcullisFeature;
import java.net.InetAddress;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * What a compilation produced, served as an application would be: its class output loaded in
 * a child class loader (the thread's context loader while Jersey starts, as in a web
 * container), one resource class on a Jersey server on 127.0.0.1 behind {@link
 * PortcullisFeature}, and mock-oauth2-server as the issuer of its tokens.
 */
final class ServedCompilation implements AutoCloseable {
  /** Issues the tokens, as issuer {@code default}. */
  final MockOAuth2Server authorizationServer;
  /** Loads the compiled classes. */
  final URLClassLoader loader;
  private final HttpServer server;

  private ServedCompilation(MockOAuth2Server authorizationServer, URLClassLoader loader, HttpServer server) {
    this.authorizationServer = authorizationServer;
    this.loader = loader;
    this.server = server;
  }

  /**
   * Writes {@code generated} into {@code classes}, starts the authorization server and serves
   * {@code resourceClass} with {@code components} (classes or instances) registered before
   * Portcullis, which accepts tokens for {@code audience}.
   */
  static ServedCompilation start(List<JavaFileObject> generated, Path classes, String audience,
      String resourceClass, Object... components) throws Exception {
    ClassPaths.writeClassOutput(generated, classes);
    MockOAuth2Server authorizationServer = new MockOAuth2Server();
    authorizationServer.start(InetAddress.getByName("127.0.0.1"), 0);
    URLClassLoader loader = new URLClassLoader(
        new URL[] {classes.toUri().toURL()}, ServedCompilation.class.getClassLoader());
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      ResourceConfig app = new ResourceConfig(loader.loadClass(resourceClass));
      for (Object component : components) {
        if (component instanceof Class<?> type) {
          app.register(type);
        } else {
          app.register(component);
        }
      }
      app.register(new PortcullisFeature(PortcullisConfig.builder()
          .issuer(authorizationServer.issuerUrl("default").toString())
          .audience(audience)
          .build()));
      HttpServer server = JdkHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), app);
      return new ServedCompilation(authorizationServer, loader, server);
    } catch (Exception | Error e) {
      authorizationServer.shutdown();
      loader.close();
      throw e;
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /** The port the Jersey server listens on. */
  int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() throws Exception {
    server.stop(0);
    authorizationServer.shutdown();
    loader.close();
  }
}
