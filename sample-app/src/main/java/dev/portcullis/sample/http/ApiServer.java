package dev.portcullis.sample.http;

import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.ServerConfiguration;
import org.glassfish.grizzly.nio.transport.TCPNIOTransport;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The HTTP server the sample's API runs on: Jersey on Grizzly, set up for clients it does not
 * know.
 *
 * <ul>
 *   <li>TCP_NODELAY on every connection, so that a small response leaves at once instead of
 *       waiting up to 40 ms for the client's delayed acknowledgement (Nagle's algorithm).
 *   <li>A fixed number of worker threads; at most {@link Limits#maxRequests()} requests running
 *       or waiting for one, the next answered 503 ({@link AdmissionLimit}). Request headers are
 *       read without a worker thread, so a slow client holds none.
 *   <li>A request's headers must be complete within {@link Limits#headerTimeout()} of their
 *       first byte, or the connection is answered 408 and closed ({@link HeaderDeadline}); a
 *       connection that sends nothing for {@link Limits#idleTimeout()} is closed.
 *   <li>More than {@link Limits#maxHeaders()} header fields, or more than {@link
 *       Limits#maxHeaderBytes()} of request line and headers, are answered 431 ({@link
 *       Http11Codec}).
 *   <li>No cap on the requests one connection may send, so a client that behaves keeps its
 *       connection.
 *   <li>HTTP/1.1 only: an {@code Upgrade} request header (h2c, which Java's HttpClient asks for)
 *       is ignored ({@link Http11Codec}).
 *   <li>A client that disconnects while its response is written costs one DEBUG line, not a
 *       stack trace ({@link ClientDisconnectLog}).
 * </ul>
 */
public final class ApiServer implements AutoCloseable {

  /**
   * What clients may cost the server.
   *
   * @param workerThreads threads that run the application
   * @param maxRequests requests admitted at a time, running or waiting for a thread
   * @param headerTimeout how long a request's headers may take to arrive, from their first byte
   * @param idleTimeout how long a connection may send nothing before it is closed
   * @param maxHeaders header fields a request may have
   * @param maxHeaderBytes bytes of request line and header fields a request may have
   */
  public record Limits(int workerThreads, int maxRequests, Duration headerTimeout, Duration idleTimeout,
      int maxHeaders, int maxHeaderBytes) {

    /**
     * More threads than cores because a request may wait on the authorization server (a key
     * fetch). 16 KiB of headers leave room for a bearer token of Portcullis's max-token-size
     * (8 KiB), so that an oversized token is refused by Portcullis, which says why.
     */
    public static final Limits DEFAULT =
        new Limits(32, 1_000, Duration.ofSeconds(10), Duration.ofSeconds(30), 100, 16 * 1024);
  }

  // Held here: java.util.logging keeps loggers weakly, and a collected logger loses its level.
  private static final Logger GRIZZLY = Logger.getLogger("org.glassfish.grizzly");

  private final HttpServer server;
  private final HeaderDeadline headerDeadline;
  private final int port;

  private ApiServer(HttpServer server, HeaderDeadline headerDeadline, int port) {
    this.server = server;
    this.headerDeadline = headerDeadline;
    this.port = port;
  }

  /**
   * Serves {@code app} on {@code baseUri}'s host and port.
   *
   * @throws IllegalStateException when the port is taken or the server cannot start; the
   *     message says which port and what to do
   */
  public static ApiServer start(URI baseUri, ResourceConfig app, Limits limits) {
    // Grizzly announces every start at INFO; the sample's own output says where it listens.
    GRIZZLY.setLevel(Level.WARNING);
    ClientDisconnectLog.install();
    HttpServer server = GrizzlyHttpServerFactory.createHttpServer(baseUri, app, false);
    NetworkListener listener = server.getListeners().iterator().next();
    TCPNIOTransport transport = listener.getTransport();
    transport.setTcpNoDelay(true);
    transport.getWorkerThreadPoolConfig().setCorePoolSize(limits.workerThreads()).setMaxPoolSize(limits.workerThreads());
    listener.getKeepAlive().setIdleTimeoutInSeconds(Math.toIntExact(limits.idleTimeout().toSeconds()));
    listener.getKeepAlive().setMaxRequestsCount(-1);
    listener.setMaxRequestHeaders(limits.maxHeaders());
    listener.setMaxHttpHeaderSize(limits.maxHeaderBytes());
    listener.registerAddOn(new Http11Codec.AddOn());
    limitAdmission(server.getServerConfiguration(), limits.maxRequests());
    HeaderDeadline headerDeadline = new HeaderDeadline(limits.headerTimeout());
    headerDeadline.watch(server.getServerConfiguration().getMonitoringConfig());
    try {
      server.start();
    } catch (IOException e) {
      server.shutdownNow();
      headerDeadline.close();
      throw new IllegalStateException(cannotListen(baseUri, e), e);
    }
    return new ApiServer(server, headerDeadline, listener.getPort());
  }

  /** Puts Jersey's handler behind an {@link AdmissionLimit}, at the same paths. */
  private static void limitAdmission(ServerConfiguration config, int maxRequests) {
    Map<HttpHandler, HttpHandlerRegistration[]> handlers = config.getHttpHandlersWithMapping();
    HttpHandler jersey = handlers.keySet().iterator().next();
    HttpHandlerRegistration[] paths = handlers.get(jersey);
    config.removeHttpHandler(jersey);
    config.addHttpHandler(new AdmissionLimit(jersey, maxRequests), paths);
  }

  private static String cannotListen(URI baseUri, IOException e) {
    if (e instanceof BindException) {
      return "Port " + baseUri.getPort() + " on " + baseUri.getHost() + " is already in use, perhaps by a sample"
          + " that is still running. Stop the program that uses it, or choose another port, for example PORT=8081"
          + " java -jar portcullis-sample-app.jar (PORT=0 picks a free one).";
    }
    return "Cannot listen on " + baseUri.getHost() + ":" + baseUri.getPort() + ": " + e.getMessage();
  }

  /** The port the server listens on. */
  public int port() {
    return port;
  }

  /** Stops serving at once; requests in flight are cut off. */
  @Override
  public void close() {
    server.shutdownNow();
    headerDeadline.close();
  }
}
