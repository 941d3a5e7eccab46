package dev.portcullis.test;

import com.sun.net.httpserver.HttpServer;
import dev.portcullis.PortcullisConfig;
import dev.portcullis.PortcullisFeature;
import dev.portcullis.test.shop.MeResource;
import dev.portcullis.test.shop.OrdersResource;
import dev.portcullis.test.shop.StockResource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** The shop on a real Jersey server on an ephemeral loopback port, as an application runs it. */
final class RunningApp implements AutoCloseable {
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  private final HttpServer server;
  private final URI baseUri;

  private RunningApp(HttpServer server) {
    this.server = server;
    this.baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  /** Every shop resource class. */
  static ResourceConfig shop() {
    return new ResourceConfig(OrdersResource.class, StockResource.class, MeResource.class)
        .property(ServerProperties.WADL_FEATURE_DISABLE, true);
  }

  /** The shop, protected by Portcullis with {@code config}. */
  static RunningApp start(PortcullisConfig config) {
    return start(shop().register(new PortcullisFeature(config)));
  }

  static RunningApp start(ResourceConfig app) {
    return new RunningApp(JdkHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), app));
  }

  /** {@code http://127.0.0.1:<port>/}. */
  URI baseUri() {
    return baseUri;
  }

  /** A GET of {@code path} with the bearer {@code token}, or none if {@code null}. */
  HttpResponse<String> get(String path, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(baseUri.resolve(path)).timeout(Duration.ofSeconds(20));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("GET " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
