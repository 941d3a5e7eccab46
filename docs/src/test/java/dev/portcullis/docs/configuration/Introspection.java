package dev.portcullis.docs.configuration;

import dev.portcullis.PortcullisConfig;
import java.nio.file.Path;
import java.time.Duration;

/** Opaque tokens verified by introspection, as docs/configuration.md shows. */
final class Introspection {
  static PortcullisConfig opaqueTokens() {
    // tag::introspection[]
    return PortcullisConfig.builder()
        .issuer("https://sso.example.com/realms/shop")    // JWTs: verified locally, as always
        .audience("orders-api")
        .introspection("orders-api", System.getenv("ORDERS_API_SECRET"))  // other tokens: asked about
        .introspectionCacheTtl(Duration.ofSeconds(30))    // a revoked token passes for 30 s at most
        .build();
    // end::introspection[]
  }

  static PortcullisConfig overMutualTls() {
    // tag::introspection-mtls[]
    return PortcullisConfig.builder()
        .issuer("https://sso.example.com/realms/shop")
        .audience("orders-api")
        .introspectionWithCertificate("orders-api",                 // tls_client_auth, RFC 8705 section 2.1
            Path.of("/run/secrets/orders-api-chain.pem"), Path.of("/run/secrets/orders-api-key.pem"))
        .introspectionTrustedCertificates(Path.of("/etc/pki/shop-ca.pem"))   // only for a private CA
        .build();
    // end::introspection-mtls[]
  }

  private Introspection() {}
}
