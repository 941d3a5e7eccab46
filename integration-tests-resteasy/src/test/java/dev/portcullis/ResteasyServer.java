package dev.portcullis;

import io.undertow.Undertow;
import jakarta.ws.rs.core.Application;
import java.net.InetSocketAddress;
import javax.net.ssl.SSLContext;
import org.jboss.resteasy.plugins.server.undertow.UndertowJaxrsServer;

/**
 * RESTEasy on Undertow, as {@code resteasy-undertow} embeds it. RESTEasy builds its model when
 * the servlet starts, inside Undertow's deployment, which wraps what {@code
 * DynamicFeature.configure} throws; the refusal is unwrapped here so that the shared tests
 * compare Portcullis's own exception on every implementation.
 *
 * <p>RESTEasy gives no signal that an application stops, so stopping the server closes the
 * application's {@link PortcullisFeature}, as its documentation asks RESTEasy users to.
 */
public final class ResteasyServer implements JaxRsServer {
  @Override
  public String name() {
    return "RESTEasy " + UndertowJaxrsServer.class.getPackage().getImplementationVersion();
  }

  @Override
  public boolean reportsServedClass() {
    return false;
  }

  @Override
  public boolean listsResourceClassesToFeatures() {
    return false;
  }

  @Override
  public Running start(Application application) {
    return start(application, Undertow.builder().addHttpListener(0, "127.0.0.1"));
  }

  @Override
  public Running startHttps(Application application, SSLContext tls) {
    return start(application, Undertow.builder().addHttpsListener(0, "127.0.0.1", tls)
        .setSocketOption(org.xnio.Options.SSL_CLIENT_AUTH_MODE, org.xnio.SslClientAuthMode.REQUESTED));
  }

  private static Running start(Application application, Undertow.Builder listener) {
    LoopbackServer server = new LoopbackServer();
    server.start(listener);
    try {
      server.deploy(application, "/");
    } catch (RuntimeException | Error e) {
      server.stop();
      throw refusal(e);
    }
    return new Running() {
      @Override
      public int port() {
        return server.port();
      }

      @Override
      public void close() {
        server.stop();
        for (Object singleton : application.getSingletons()) {
          if (singleton instanceof PortcullisFeature feature) {
            feature.close();
          }
        }
      }
    };
  }

  /** The IllegalStateException that stopped the deployment, or {@code e} if there is none. */
  private static RuntimeException refusal(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof IllegalStateException refusal) {
        return refusal;
      }
    }
    if (e instanceof RuntimeException runtime) {
      return runtime;
    }
    throw (Error) e;
  }

  /** Reads the port Undertow bound, which the embedding API does not expose. */
  private static final class LoopbackServer extends UndertowJaxrsServer {
    int port() {
      return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }
  }
}
