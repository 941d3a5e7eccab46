package dev.portcullis.resteasy;

import dev.portcullis.PortcullisFeature;
import dev.portcullis.testapp.OrdersResource;
import io.undertow.Undertow;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.jboss.resteasy.plugins.server.undertow.UndertowJaxrsServer;

/** The RESTEasy bootstrap that docs/jakarta-rest-implementations.md shows, compiled here. */
// tag::application[]
public class OrdersApplication extends Application {
  private final PortcullisFeature portcullis = PortcullisFeature.fromEnvironment();

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(OrdersResource.class);
  }

  @Override
  public Set<Object> getSingletons() {
    return Set.of(portcullis);
  }

  /** Ends Portcullis' background work (the key loading threads); call it once the server stopped. */
  public void stopped() {
    portcullis.close();
  }
}
// end::application[]

/** Starts {@link OrdersApplication} on Undertow, as the page shows. */
final class OrdersServer {
  private OrdersServer() {}

  static UndertowJaxrsServer start() {
    // tag::deploy[]
    UndertowJaxrsServer server = new UndertowJaxrsServer();
    server.start(Undertow.builder().addHttpListener(8080, "127.0.0.1"));
    OrdersApplication application = new OrdersApplication();
    server.deploy(application, "/");   // throws IllegalStateException if Portcullis refuses
    // end::deploy[]
    return server;
  }

  static void stop(UndertowJaxrsServer server, OrdersApplication application) {
    // tag::stop[]
    server.stop();
    application.stopped();
    // end::stop[]
  }
}
