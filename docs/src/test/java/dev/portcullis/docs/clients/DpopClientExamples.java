package dev.portcullis.docs.clients;

import dev.portcullis.client.AccessToken;
import dev.portcullis.client.ClientAuthentication;
import dev.portcullis.client.DpopKey;
import dev.portcullis.client.OAuthClientSettings;
import dev.portcullis.client.OAuthClients;
import dev.portcullis.client.TokenClient;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/** The DPoP examples of docs/clients.md and docs/dpop.md; compiled, never run. */
final class DpopClientExamples {
  private DpopClientExamples() {}

  static List<Order> generatedClient(String secret) {
    // tag::dpop-client[]
    OrdersReader orders = OAuthClients.builder(OrdersReader.class)
        .baseUri(URI.create("https://orders.example.com"))
        .settings(OAuthClientSettings.builder("orders-reader")
            .issuer("https://idp.example.com/realms/shop")
            .clientId("billing-service")
            .authentication(ClientAuthentication.clientSecretBasic(secret))
            .dpop(true)                       // a new EC P-256 key for this client instance
            .build())
        .build();
    List<Order> all = orders.list();          // Authorization: DPoP ..., DPoP: <fresh proof>
    // end::dpop-client[]
    return all;
  }

  static AccessToken loadedKey(String secret) {
    // tag::dpop-key[]
    TokenClient tokens = TokenClient.create(OAuthClientSettings.builder("orders")
        .issuer("https://idp.example.com/realms/shop")
        .clientId("billing-service")
        .authentication(ClientAuthentication.clientSecretBasic(secret))
        .dpopKey(DpopKey.fromFile(Path.of("/run/secrets/orders-dpop.jwk")))  // kept across restarts
        .build());
    AccessToken token = tokens.token();       // token.type() is "DPoP"
    String proof = token.dpopKey().orElseThrow()
        .proof("GET", URI.create("https://orders.example.com/api/orders"), token.value());
    // end::dpop-key[]
    return token;
  }
}
