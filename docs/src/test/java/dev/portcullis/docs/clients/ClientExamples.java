package dev.portcullis.docs.clients;

import dev.portcullis.client.AccessToken;
import dev.portcullis.client.BearerTokenFilter;
import dev.portcullis.client.ClientAuthentication;
import dev.portcullis.client.ClientKey;
import dev.portcullis.client.Grant;
import dev.portcullis.client.InsufficientScopeException;
import dev.portcullis.client.JwtBearerAssertion;
import dev.portcullis.client.OAuthClientSettings;
import dev.portcullis.client.OAuthClients;
import dev.portcullis.client.PendingAuthorization;
import dev.portcullis.client.TokenClient;
import dev.portcullis.client.TokenSource;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.glassfish.jersey.jackson.JacksonFeature;

/** The client examples of docs/clients.md; compiled, never run. */
final class ClientExamples {
  private ClientExamples() {}

  static List<Order> call() {
    // tag::call[]
    OrdersReader orders = OAuthClients.fromConfiguration(OrdersReader.class);
    List<Order> all = orders.list();              // GET /api/orders, Authorization: Bearer ...
    // end::call[]
    return all;
  }

  static CompletionStage<Void> callAsync() {
    // tag::async-call[]
    AsyncOrdersReader orders = OAuthClients.fromConfiguration(AsyncOrdersReader.class);
    CompletionStage<Void> done = orders.list()      // returns at once, token or no token yet
        .thenAccept(all -> System.out.println(all.size() + " orders"))
        .exceptionally(failure -> {
          Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
          if (cause instanceof InsufficientScopeException refused) {
            System.err.println("Add the scopes " + refused.requiredScopes());
          }
          return null;
        });
    // end::async-call[]
    return done;
  }

  static CompletionStage<AccessToken> tokenAsync(String secret, Executor tokenRequests) {
    // tag::token-async[]
    TokenClient tokens = TokenClient.create(OAuthClientSettings.builder("orders")
        .issuer("https://idp.example.com/realms/shop")
        .clientId("billing-service")
        .authentication(ClientAuthentication.clientSecretBasic(secret))
        .executor(tokenRequests)             // where token requests run; default: a shared daemon pool
        .build());

    CompletionStage<AccessToken> token = tokens.tokenAsync();  // a cached token completes it at once
    // end::token-async[]
    return token;
  }

  static List<OrdersReader> create(TokenSource tokens, String secret) {
    // tag::create[]
    // Everything from portcullis.client.orders-reader.* / PORTCULLIS_CLIENT_ORDERS_READER_*:
    OrdersReader orders = OAuthClients.fromConfiguration(OrdersReader.class);

    // A base URI and any TokenSource, for example a TokenClient shared by several clients:
    OrdersReader shared = OAuthClients.create(OrdersReader.class, URI.create("https://orders.example.com"), tokens);

    // Everything in code, with your own JAX-RS client (JSON providers, TLS, timeouts):
    OrdersReader inCode = OAuthClients.builder(OrdersReader.class)
        .baseUri(URI.create("https://orders.example.com"))
        .settings(OAuthClientSettings.builder("orders-reader")
            .issuer("https://idp.example.com/realms/shop")
            .clientId("billing-service")
            .authentication(ClientAuthentication.clientSecretBasic(secret))
            .build())
        .client(ClientBuilder.newBuilder().register(JacksonFeature.class).build())
        .build();
    // end::create[]
    return List.of(orders, shared, inCode);
  }

  static Client tokens(String secret) {
    // tag::tokens[]
    TokenClient tokens = TokenClient.create(OAuthClientSettings.builder("orders")
        .issuer("https://idp.example.com/realms/shop")          // token endpoint by discovery
        .clientId("billing-service")
        .authentication(ClientAuthentication.clientSecretBasic(secret))
        .scopes("orders:read")
        .build());

    AccessToken token = tokens.token();                          // cached, renewed 60 s ahead
    Client http = ClientBuilder.newClient().register(new BearerTokenFilter(tokens));
    // end::tokens[]
    return token == null ? null : http;
  }

  @SuppressWarnings("deprecation")
  static List<Grant> grants(String refreshTokenFromEarlierLogin, String incomingAccessToken, String subject,
      String actor, Supplier<String> workloadIdentityAssertion, String user, String password) {
    // tag::grants[]
    Grant service  = Grant.clientCredentials();                                   // service to service (default)
    Grant refresh  = Grant.refreshToken(refreshTokenFromEarlierLogin);            // rotation honoured
    Grant code     = Grant.authorizationCode(URI.create("https://app.example.com/callback"));   // with PKCE S256
    Grant device   = Grant.deviceCode();                                          // RFC 8628, for CLIs and devices
    Grant exchange = Grant.tokenExchange(() -> incomingAccessToken, Grant.ACCESS_TOKEN_TYPE);  // RFC 8693
    Grant forCaller = Grant.tokenExchangeForCaller();                            // RFC 8693, for this request's caller
    Grant actAs    = Grant.tokenExchange(() -> subject, Grant.ACCESS_TOKEN_TYPE, () -> actor, Grant.JWT_TYPE);  // delegation
    Grant bearer   = Grant.jwtBearer(workloadIdentityAssertion);                  // RFC 7523
    Grant legacy   = Grant.password(user, password);   // @Deprecated: legacy only (RFC 9700 forbids it)
    // end::grants[]
    return List.of(service, refresh, code, device, exchange, forCaller, actAs, bearer, legacy);
  }

  static Grant jwtBearer(String tokenEndpoint) {
    // tag::jwt-bearer[]
    ClientKey key = ClientKey.fromFile(Path.of("/run/secrets/billing-key.pem"), "2024-01");
    Grant grant = Grant.jwtBearer(JwtBearerAssertion.signedBy(key,
        "billing-service",         // iss: who asserts, usually the client id
        "alice@example.com",       // sub: whom the token is for
        tokenEndpoint));           // aud: the token endpoint (or issuer) the server expects
    // end::jwt-bearer[]
    return grant;
  }

  static AccessToken authorizationCode(String issuer, URI callbackUri) {
    // tag::authorization-code[]
    TokenClient tokens = TokenClient.create(OAuthClientSettings.builder()
        .issuer(issuer).clientId("web-app")
        .authentication(ClientAuthentication.none())             // public client: PKCE is mandatory
        .grant(Grant.authorizationCode(URI.create("https://app.example.com/callback")))
        .scopes("openid", "orders:read")
        .build());

    PendingAuthorization pending = tokens.authorizationRequest(); // url, state, code verifier
    // keep `pending` in the user's session, redirect the browser to pending.url() ...
    AccessToken token = tokens.completeAuthorization(pending, callbackUri);   // checks state (and RFC 9207 iss)
    // end::authorization-code[]
    return token;
  }

  static List<ClientAuthentication> authentication(String secret) {
    // tag::authentication[]
    ClientAuthentication basic = ClientAuthentication.clientSecretBasic(secret);  // RFC 6749 2.3.1: id and secret form-urlencoded, then Base64
    ClientAuthentication post  = ClientAuthentication.clientSecretPost(secret);   // id and secret in the form body
    ClientAuthentication jwt   = ClientAuthentication.clientSecretJwt(secret);    // RFC 7523, HS256 assertion; secret of 32+ bytes
    ClientAuthentication rsa   = ClientAuthentication.privateKeyJwt(ClientKey.fromFile(Path.of("client-key.pem"), "key-1"));   // RS256
    ClientAuthentication pss   = ClientAuthentication.privateKeyJwt(ClientKey.fromFile(Path.of("client-key.pem"), "key-1").withAlgorithm("PS256"));
    ClientAuthentication ec    = ClientAuthentication.privateKeyJwt(ClientKey.fromFile(Path.of("ec-key.json"), null));          // JWK file, ES256
    ClientAuthentication none  = ClientAuthentication.none();                     // public client
    // end::authentication[]
    return List.of(basic, post, jwt, rsa, pss, ec, none);
  }
}
