package dev.portcullis.docs.configuration;

import dev.portcullis.PortcullisConfig;
import java.net.URI;

/** An API that takes DPoP-bound tokens only, as docs/dpop.md shows. */
final class Dpop {
  static PortcullisConfig dpopRequired() {
    // tag::dpop[]
    return PortcullisConfig.builder()
        .issuer("https://sso.example.com/realms/shop")
        .audience("orders-api")
        .resource(URI.create("https://api.example.com"))  // what clients address, also behind a proxy
        .dpop(PortcullisConfig.DpopPolicy.REQUIRED)        // or ALLOWED beside Bearer tokens
        .build();
    // end::dpop[]
  }

  private Dpop() {}
}
