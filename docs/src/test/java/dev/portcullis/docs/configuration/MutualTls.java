package dev.portcullis.docs.configuration;

import dev.portcullis.PortcullisConfig;
import java.net.URI;

/** An API that checks certificate-bound tokens, as docs/mtls.md shows. */
final class MutualTls {
  static PortcullisConfig certificateBound() {
    // tag::certificate-bound[]
    return PortcullisConfig.builder()
        .issuer("https://sso.example.com/realms/shop")
        .audience("orders-api")
        .resource(URI.create("https://api.example.com"))
        .certificateBoundTokens(PortcullisConfig.CertificateBoundTokens.ALLOWED)  // or REQUIRED
        .build();
    // end::certificate-bound[]
  }

  static PortcullisConfig behindProxy() {
    // tag::proxy[]
    return PortcullisConfig.builder()
        .issuer("https://sso.example.com/realms/shop")
        .audience("orders-api")
        .certificateBoundTokens(PortcullisConfig.CertificateBoundTokens.REQUIRED)
        .clientCertificateHeader("X-Client-Cert")   // set by the proxy, never by clients
        .build();
    // end::proxy[]
  }

  private MutualTls() {}
}
