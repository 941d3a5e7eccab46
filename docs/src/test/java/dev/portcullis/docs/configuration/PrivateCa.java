package dev.portcullis.docs.configuration;

import dev.portcullis.PortcullisConfig;
import java.nio.file.Path;

/** An identity provider whose certificate a private CA signed, as docs/configuration.md shows. */
final class PrivateCa {
  static PortcullisConfig trustingThePrivateCa() {
    // tag::private-ca[]
    return PortcullisConfig.builder()
        .issuer("https://sso.internal.example.com/realms/shop")
        .audience("orders-api")
        .trustedCertificates(Path.of("/etc/pki/internal-ca.pem"))   // read here: a mistake fails build()
        .build();
    // end::private-ca[]
  }

  private PrivateCa() {}
}
