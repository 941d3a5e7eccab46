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

  static PortcullisConfig sharedNonces() {
    // tag::shared-nonces[]
    return PortcullisConfig.builder()
        .issuer("https://sso.example.com/realms/shop")
        .audience("orders-api")
        .dpop(PortcullisConfig.DpopPolicy.REQUIRED)
        .dpopNonceRequired(true)
        .dpopNonceSecret(System.getenv("ORDERS_API_NONCE_SECRET"))  // the same on every instance
        .build();
    // end::shared-nonces[]
  }

  private Dpop() {}
}
