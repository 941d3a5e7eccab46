package dev.portcullis;

import jakarta.ws.rs.core.Application;
import java.util.Iterator;
import java.util.ServiceLoader;

/**
 * Serves a Jakarta REST application over HTTP on an ephemeral port of 127.0.0.1: the only seam
 * between the shared integration tests and the implementation they run on. Each test module
 * names its implementation in {@code META-INF/services/dev.portcullis.JaxRsServer} and has that
 * implementation's jars, and no other's, on its class path.
 */
public interface JaxRsServer {
  /** A started application. */
  interface Running extends AutoCloseable {
    /** The port it listens on. */
    int port();

    /** Stops it at once. */
    @Override
    void close();
  }

  /** The implementation's name and version, as the test reports say it. */
  String name();

  /**
   * Whether {@code ResourceInfo.getResourceClass()} names the class the implementation serves
   * (Jersey), rather than the interface or superclass that carries {@code @Path} (RESTEasy).
   */
  boolean reportsServedClass();

  /**
   * Whether the {@code Configuration} a {@code Feature} sees lists the application's resource
   * classes (Jersey), so that the sub-resources of a root class without resource methods of its
   * own are checked at startup; otherwise (RESTEasy) they are checked on their first request.
   */
  boolean listsResourceClassesToFeatures();

  /**
   * Starts {@code application}: its classes, singletons and properties.
   *
   * @throws IllegalStateException the refusal that stopped the application from starting,
   *     unwrapped from whatever the implementation wraps it in
   */
  Running start(Application application);

  /**
   * Starts {@code application} over HTTPS with {@code tls}, asking each client for a TLS
   * certificate but also accepting connections without one.
   */
  Running startHttps(Application application, javax.net.ssl.SSLContext tls);

  /** The implementation this test module runs on. */
  static JaxRsServer underTest() {
    Iterator<JaxRsServer> found = ServiceLoader.load(JaxRsServer.class).iterator();
    if (!found.hasNext()) {
      throw new IllegalStateException("No Jakarta REST server for the tests is named in"
          + " META-INF/services/dev.portcullis.JaxRsServer; the test module must name exactly one.");
    }
    JaxRsServer server = found.next();
    if (found.hasNext()) {
      throw new IllegalStateException("More than one Jakarta REST server for the tests is named in"
          + " META-INF/services/dev.portcullis.JaxRsServer; the test module must name exactly one.");
    }
    return server;
  }
}
