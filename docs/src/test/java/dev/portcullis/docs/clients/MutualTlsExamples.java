package dev.portcullis.docs.clients;

import dev.portcullis.client.ClientAuthentication;
import dev.portcullis.client.ClientTls;
import dev.portcullis.client.OAuthClientSettings;
import dev.portcullis.client.OAuthClients;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.net.URI;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;

/** The mutual TLS examples of docs/mtls.md; compiled, never run. */
final class MutualTlsExamples {
  private MutualTlsExamples() {}

  static OrdersReader tlsClientAuth() {
    // tag::tls-client-auth[]
    ClientTls tls = ClientTls.fromPem(Path.of("/run/secrets/billing-chain.pem"), Path.of("/run/secrets/billing-key.pem"))
        .trusting(Path.of("/etc/pki/shop-ca.pem"));   // only for a private CA
    OrdersReader orders = OAuthClients.builder(OrdersReader.class)
        .baseUri(URI.create("https://api.example.com"))
        .settings(OAuthClientSettings.builder()
            .issuer("https://sso.example.com/realms/shop")
            .clientId("billing-service")
            .authentication(ClientAuthentication.tlsClientAuth())   // RFC 8705 section 2.1
            .tls(tls)
            .build())
        .build();   // its calls go over the same certificate, so bound tokens work
    // end::tls-client-auth[]
    return orders;
  }

  static ClientTls otherMaterial(SSLContext context) {
    // tag::material[]
    ClientTls fromKeyStore = ClientTls.fromPkcs12(Path.of("billing.p12"), System.getenv("BILLING_P12_PASSWORD").toCharArray());
    ClientTls fromContext = ClientTls.of(context);   // an SSLContext you made, with its key and trust managers
    ClientAuthentication selfSigned = ClientAuthentication.selfSignedTlsClientAuth();   // RFC 8705 section 2.2
    // end::material[]
    return selfSigned == null ? fromKeyStore : fromContext;
  }

  static Client ownClient(ClientTls tls) {
    // tag::own-client[]
    Client http = ClientBuilder.newBuilder()
        .sslContext(tls.sslContext())   // the certificate the token is bound to
        .build();
    // end::own-client[]
    return http;
  }
}
