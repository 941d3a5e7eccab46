package dev.portcullis.docs.readme;

import dev.portcullis.PortcullisConfig;
import dev.portcullis.PortcullisFeature;
import java.net.URI;
import org.glassfish.jersey.server.ResourceConfig;

/** The README's registration of the feature. */
final class Registration {
  private Registration() {}

  static ResourceConfig application() {
    // tag::register[]
    ResourceConfig app = new ResourceConfig(OrdersResource.class)
        .register(new PortcullisFeature(PortcullisConfig.builder()
            .issuer("https://idp.example.com/realms/shop")   // keys found by OIDC discovery
            .audience("orders-api")                          // tokens must be meant for you
            .resource(URI.create("https://api.example.com")) // where clients reach it (RFC 9728)
            .build()));
    // end::register[]
    return app;
  }
}
