package dev.portcullis;

import com.sun.net.httpserver.HttpServer;
import jakarta.ws.rs.core.Application;
import java.net.URI;
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
