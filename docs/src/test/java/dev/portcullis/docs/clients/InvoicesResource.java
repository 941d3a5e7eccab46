package dev.portcullis.docs.clients;

import dev.portcullis.client.OAuthClients;
import dev.portcullis.RequiresToken;
import dev.portcullis.client.ClientAuthentication;
import dev.portcullis.client.Grant;
import dev.portcullis.client.OAuthClientSettings;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.net.URI;
import java.util.List;

/** The acting-for-the-caller example of docs/clients.md; compiled, never run. */
// tag::for-caller[]
@Path("/api/invoices")
public class InvoicesResource {
  // One client for every request: its exchanged tokens are cached per caller.
  private final OrdersReader orders = OAuthClients.builder(OrdersReader.class)
      .baseUri(URI.create("https://orders.example.com"))
      .settings(OAuthClientSettings.builder("orders-reader")
          .issuer("https://idp.example.com/realms/shop")
          .clientId("invoices-api")
          .authentication(ClientAuthentication.clientSecretBasic(System.getenv("INVOICES_SECRET")))
          .grant(Grant.tokenExchangeForCaller())   // subject token: this request's verified token
          .audiences("orders-api")                 // what the exchanged token is for
          .build())
      .build();

  @GET
  @RequiresToken
  public List<Order> openOrders() {
    return orders.list();   // as the caller, with a token for orders-api, never the caller's own
  }
}
// end::for-caller[]
