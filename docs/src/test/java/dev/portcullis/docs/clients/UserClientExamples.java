package dev.portcullis.docs.clients;

import dev.portcullis.client.OAuthClients;
import dev.portcullis.client.ClientAuthentication;
import dev.portcullis.client.DeviceAuthorization;
import dev.portcullis.client.Grant;
import dev.portcullis.client.OAuthClientSettings;
import dev.portcullis.client.PendingAuthorization;
import dev.portcullis.client.TokenStore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/** The examples of docs/clients.md for clients acting for a user; compiled, never run. */
final class UserClientExamples {
  private UserClientExamples() {}

  static OrdersReader signIn(String issuer, TokenStore store, String userId, URI callbackUrl) {
    // tag::sign-in[]
    OAuthClientSettings web = OAuthClientSettings.builder("orders-reader")
        .issuer(issuer).clientId("web-app")
        .authentication(ClientAuthentication.none())                 // public client, PKCE
        .grant(Grant.authorizationCode(URI.create("https://app.example.com/callback")))
        .scopes("openid")                      // added to @OAuthClient's orders:read, never repeating it
        .build();

    // Sign-in route: redirect the browser to pending.url(), keep `pending` in the user's session.
    PendingAuthorization pending = OAuthClients.builder(OrdersReader.class)
        .settings(web).tokenStore(store, userId).signIn()
        .authorizationRequest();

    // Callback route: the generated client, calling with the user's tokens.
    OrdersReader orders = OAuthClients.builder(OrdersReader.class)
        .settings(web).tokenStore(store, userId).signIn()
        .completeAuthorization(pending, callbackUrl);
    // end::sign-in[]
    return orders;
  }

  static List<Order> resume(OAuthClientSettings web, String userId) throws IOException {
    // tag::token-store[]
    TokenStore store = new FileTokenStore(Path.of("/var/lib/orders-web/tokens"));

    // After a restart: the user's saved tokens, renewed with the saved refresh token; no sign-in.
    OrdersReader orders = OAuthClients.builder(OrdersReader.class)
        .settings(web).tokenStore(store, userId)
        .build();
    List<Order> all = orders.list();
    // end::token-store[]
    return all;
  }

  static List<Order> deviceLogin(String issuer) {
    // tag::device[]
    OAuthClients.SignIn<OrdersReader> login = OAuthClients.builder(OrdersReader.class)
        .settings(OAuthClientSettings.builder("orders-reader")
            .issuer(issuer).clientId("orders-cli")                   // device_authorization_endpoint by discovery
            .authentication(ClientAuthentication.none())
            .grant(Grant.deviceCode())
            .build())
        .signIn();

    DeviceAuthorization device = login.startDeviceAuthorization();
    System.out.println("To sign in, open " + device.verificationUri() + " and enter " + device.userCode());
    device.verificationUriComplete().ifPresent(link -> System.out.println("or open " + link));

    OrdersReader orders = login.completeDeviceAuthorization(device);   // polls until the user approves
    List<Order> all = orders.list();
    // end::device[]
    return all;
  }
}
