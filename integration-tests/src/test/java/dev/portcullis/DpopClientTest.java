package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.portcullis.client.ClientAuthentication;
import dev.portcullis.client.DpopKey;
import dev.portcullis.client.OAuthClientSettings;
import dev.portcullis.client.OAuthClients;
import dev.portcullis.testapp.AsyncItemsClient;
import dev.portcullis.testapp.ItemsClient;
import dev.portcullis.testapp.ItemsResource;
import dev.portcullis.testapp.OrdersReaderClient;
import dev.portcullis.testapp.OrdersResource;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.ClientResponseFilter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Generated clients with DPoP (RFC 9449) end to end over real HTTP: a DPoP token endpoint whose
 * tokens mock-oauth2-server signs, and Portcullis APIs with {@code dpop=required}, one of them
 * with {@code dpop-nonce=required}. Every call carries a fresh proof (a reused one would be
 * refused as a replayed {@code jti}); a POST's proof names its method and its body arrives, also
 * when it is sent again with the API's nonce; nonces are fetched once and then kept; the refresh
 * after {@code invalid_token} is signed with the same key; each client instance has its own key.
 */
@Timeout(120)
class DpopClientTest {
  @RegisterExtension
  static final TrustedAuthorizationServer authorizationServer = new TrustedAuthorizationServer();
  private static TestApp required;
  private static TestApp withNonces;
  private DpopTokenEndpoint tokens;
  private final List<Integer> apiStatuses = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startApis() throws Exception {
    required = authorizationServer.start(config().build(), ItemsResource.class, OrdersResource.class);
    withNonces = authorizationServer.start(config().dpopNonceRequired(true).build(),
        ItemsResource.class, OrdersResource.class);
    awaitKeys(required);
    awaitKeys(withNonces);
  }

  private static PortcullisConfig.Builder config() {
    return authorizationServer.config().dpop(PortcullisConfig.DpopPolicy.REQUIRED).resourceMetadata(false);
  }

  /** Sends DPoP requests made by hand until the app has its issuer's keys and answers 200. */
  private static void awaitKeys(TestApp app) throws InterruptedException {
    DpopKey key = DpopKey.generate();
    String token = authorizationServer.server().issueToken("default", "items-service", new DefaultOAuth2TokenCallback(
        "default", "items-service", "JWT", List.of(KeyServer.AUDIENCE),
        Map.of("scope", "items:read", "cnf", Map.of("jkt", key.thumbprint())), 3600)).serialize();
    URI uri = app.base().resolve("/items/0");
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    Answer answer;
    do {
      answer = app.get("/items/0", "Authorization", "DPoP " + token, "DPoP", key.proof("GET", uri, token));
      answer.headers().forEach((name, values) -> {
        if (name.equalsIgnoreCase("DPoP-Nonce")) {
          key.rememberNonce(uri, values.get(0));
        }
      });
      if (answer.status() != 200) {
        Thread.sleep(200);
      }
    } while (answer.status() != 200 && System.nanoTime() < deadline);
    assertEquals(200, answer.status(), answer::toString);
  }

  @AfterEach
  void stopTokenEndpoint() {
    if (tokens != null) {
      tokens.close();
    }
  }

  private OAuthClientSettings settings() {
    return OAuthClientSettings.builder()
        .tokenEndpoint(tokens.uri().toString())
        .clientId("items-service")
        .authentication(ClientAuthentication.clientSecretBasic("secret"))
        .dpop(true)
        .build();
  }

  /** A JAX-RS client that records the status of every API answer, retried ones included. */
  private Client recordingClient() {
    return ClientBuilder.newBuilder()
        .register((ClientResponseFilter) (request, response) -> apiStatuses.add(response.getStatus()))
        .build();
  }

  private <T> T client(Class<T> type, TestApp app) {
    return OAuthClients.builder(type).baseUri(app.base()).settings(settings()).client(recordingClient()).build();
  }

  @Test
  void everyCallCarriesAFreshProofForTheBoundToken() throws Exception {
    tokens = new DpopTokenEndpoint(authorizationServer.server(), false);
    ItemsClient items = client(ItemsClient.class, required);

    assertEquals("item 7", items.get("7"));
    assertEquals("item 8", items.get("8"));
    assertEquals("item 7", items.get("7"));

    assertEquals(1, tokens.received().size(), "the token is cached");
    assertEquals("client_credentials", tokens.received().get(0).grantType());
    assertEquals(List.of(200, 200, 200), apiStatuses);
  }

  @Test
  void asynchronousCallsCarryProofsToo() throws Exception {
    tokens = new DpopTokenEndpoint(authorizationServer.server(), false);
    AsyncItemsClient items = client(AsyncItemsClient.class, required);

    assertEquals("item 7", items.get("7").toCompletableFuture().get());
    assertEquals("item 8", items.get("8").toCompletableFuture().get());

    assertEquals(List.of(200, 200), apiStatuses);
  }

  @Test
  void aPostCarriesAProofForItsMethodAndItsFormBodyArrives() throws Exception {
    tokens = new DpopTokenEndpoint(authorizationServer.server(), false);
    OrdersReaderClient orders = client(OrdersReaderClient.class, required);

    assertEquals("search red & blue = 100%", orders.search("red & blue = 100%"));

    assertEquals(List.of(200), apiStatuses);
  }

  @Test
  void aPostRefusedForWantOfTheApisNonceIsSentAgainWithItsFormBodyIntact() throws Exception {
    tokens = new DpopTokenEndpoint(authorizationServer.server(), false);
    OrdersReaderClient orders = client(OrdersReaderClient.class, withNonces);

    assertEquals("search red & blue = 100%", orders.search("red & blue = 100%"));

    assertEquals(List.of(401, 200), apiStatuses, "refused without the nonce, then accepted with it");
    assertEquals(1, tokens.received().size(), "the resend keeps the token");
  }

  @Test
  void theApisNonceIsFetchedOnceAndThenKept() throws Exception {
    tokens = new DpopTokenEndpoint(authorizationServer.server(), false);
    ItemsClient items = client(ItemsClient.class, withNonces);

    assertEquals("item 7", items.get("7"));
    assertEquals("item 8", items.get("8"));

    assertEquals(List.of(401, 200, 200), apiStatuses);
  }

  @Test
  void asynchronousCallsDoTheNonceRetryToo() throws Exception {
    tokens = new DpopTokenEndpoint(authorizationServer.server(), false);
    AsyncItemsClient items = client(AsyncItemsClient.class, withNonces);

    assertEquals("item 7", items.get("7").toCompletableFuture().get());
    assertEquals("item 8", items.get("8").toCompletableFuture().get());

    assertEquals(List.of(401, 200, 200), apiStatuses);
  }

  @Test
  void theTokenEndpointsNonceIsSentOnTheSecondRequest() throws Exception {
    tokens = new DpopTokenEndpoint(authorizationServer.server(), true);

    assertEquals("item 7", client(ItemsClient.class, required).get("7"));

    List<DpopTokenEndpoint.Received> received = tokens.received();
    assertEquals(2, received.size());
    assertNull(received.get(0).jkt(), "refused for want of a nonce");
    assertNotNull(received.get(1).nonce());
  }

  @Test
  void afterInvalidTokenTheRefreshIsSignedWithTheSameKeyAndTheCallReplayedOnce() throws Exception {
    tokens = new DpopTokenEndpoint(authorizationServer.server(), false);
    tokens.spoilFirstAccessToken();

    assertEquals("item 7", client(ItemsClient.class, required).get("7"));

    List<DpopTokenEndpoint.Received> received = tokens.received();
    assertEquals(List.of("client_credentials", "refresh_token"),
        received.stream().map(DpopTokenEndpoint.Received::grantType).toList());
    assertEquals(received.get(0).jkt(), received.get(1).jkt());
    assertEquals(List.of(401, 200), apiStatuses);
  }

  @Test
  void eachClientInstanceHasItsOwnKey() throws Exception {
    tokens = new DpopTokenEndpoint(authorizationServer.server(), false);

    assertEquals("item 1", client(ItemsClient.class, required).get("1"));
    assertEquals("item 2", client(ItemsClient.class, required).get("2"));

    List<DpopTokenEndpoint.Received> received = tokens.received();
    assertEquals(2, received.size());
    assertNotEquals(received.get(0).jkt(), received.get(1).jkt());
  }
}
