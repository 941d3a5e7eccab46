package dev.portcullis;

import com.sun.net.httpserver.HttpServer;
import jakarta.ws.rs.core.Application;
import java.net.URI;
import javax.net.ssl.SSLContext;
import org.glassfish.grizzly.ssl.SSLEngineConfigurator;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * Jersey on the JDK's HTTP server. Jersey 4 calls {@code DynamicFeature.configure} while it
 * builds the application model, and an {@link IllegalStateException} thrown there propagates,
 * unwrapped, out of {@code JdkHttpServerFactory.createHttpServer}: the server never starts.
 */
public final class JerseyServer implements JaxRsServer {
  @Override
  public String name() {
    return "Jersey " + ResourceConfig.class.getPackage().getImplementationVersion();
  }

  @Override
  public boolean reportsServedClass() {
    return true;
  }

  @Override
  public boolean listsResourceClassesToFeatures() {
    return true;
  }

  /**
   * On Grizzly: the JDK server's container gives requests no client certificate, Grizzly's gives
   * it as the request property {@code jakarta.servlet.request.X509Certificate}.
   */
  @Override
  public Running startHttps(Application application, SSLContext tls) {
    org.glassfish.grizzly.http.server.HttpServer server = GrizzlyHttpServerFactory.createHttpServer(
        URI.create("https://127.0.0.1:0/"), ResourceConfig.forApplication(application), true,
        new SSLEngineConfigurator(tls, false, false, true));
    return new Running() {
      @Override
      public int port() {
        return server.getListener("grizzly").getPort();
      }

      @Override
      public void close() {
        server.shutdownNow();
      }
    };
  }

  @Override
  public Running start(Application application) {
    HttpServer server = JdkHttpServerFactory.createHttpServer(
        URI.create("http://127.0.0.1:0/"), ResourceConfig.forApplication(application));
    return new Running() {
      @Override
      public int port() {
        return server.getAddress().getPort();
      }

      @Override
      public void close() {
        server.stop(0);
      }
    };
  }
}
