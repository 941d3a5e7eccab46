package dev.portcullis.docs.configuration;

import dev.portcullis.PortcullisConfig;
import dev.portcullis.TrustedIssuer;

/** An API that trusts several authorization servers, as docs/configuration.md shows. */
final class SeveralIssuers {
  static PortcullisConfig staffAndPartners() {
    // tag::issuers[]
    return PortcullisConfig.builder()
        .audience("orders-api")                             // for issuers that set none
        .trustedIssuer(TrustedIssuer.builder("https://sso.example.com/realms/staff")
            .scopeClaims("scope", "realm_access/roles")
            .build())
        .trustedIssuer(TrustedIssuer.builder("https://login.microsoftonline.com/7d2c0a3e/v2.0")
            .audience("api://orders")
            .scopeClaims("scp", "roles")
            .build())
        .build();
    // end::issuers[]
  }

  private SeveralIssuers() {}
}
