package dev.portcullis.processor;

import com.sun.net.httpserver.HttpServer;
import dev.portcullis.PortcullisConfig;
import dev.portcullis.PortcullisFeature;
import java.net.InetAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * What a compilation produced, served as an application would be: its class output loaded in
 * a child class loader (the thread's context loader while Jersey starts, as in a web
 * container), one resource class on a Jersey server on 127.0.0.1 behind {@link
 * PortcullisFeature}, and mock-oauth2-server as the issuer of its tokens.
 */
final class ServedCompilation implements AutoCloseable {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

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

  /** A token from the authorization server for {@code audience} with the scopes {@code scope}. */
  String token(String audience, String scope) {
    return authorizationServer
        .issueToken(
            "default",
            "client",
            new DefaultOAuth2TokenCallback(
                "default", "bob", "JWT", List.of(audience), Map.of("scope", scope), 3600))
        .serialize();
  }

  /** The status of a {@code method} request to {@code path}, with {@code token} unless null. */
  int status(String method, String path, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
            .timeout(Duration.ofSeconds(20))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
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
