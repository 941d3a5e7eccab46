package dev.portcullis.sample;

import dev.portcullis.client.AccessToken;
import dev.portcullis.client.ClientAuthentication;
import dev.portcullis.client.InsufficientScopeException;
import dev.portcullis.client.OAuthClientSettings;
import dev.portcullis.client.OAuthClients;
import dev.portcullis.client.TokenClient;
import dev.portcullis.client.TokenRejection;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.glassfish.jersey.jackson.JacksonFeature;

/**
 * {@code java -jar portcullis-sample-app.jar demo}: starts the sample with its development
 * authorization server, calls it with the generated {@link OrdersReader} and {@link
 * OrdersWriter} clients and prints every step with the status the API really answered.
 */
final class Demo {
  /** Short enough that the demo sees a token renewed; the client renews 2 s before expiry. */
  static final long TOKEN_LIFETIME_SECONDS = 8;

  private static final Duration REFRESH_AHEAD = Duration.ofSeconds(2);

  /** One printed step: what was done and the HTTP status the API answered. */
  record Step(String name, int status) {}

  private final PrintStream out;
  private final List<Step> steps = new ArrayList<>();
  private Response.StatusType lastStatus;
  private String lastRequest;

  Demo(PrintStream out) {
    this.out = out;
  }

  /** Runs every step and returns them; throws if the API answered differently than expected. */
  List<Step> run() throws InterruptedException {
    try (SampleApp app = SampleApp.start(Map.of("PORT", "0"), new Properties(), TOKEN_LIFETIME_SECONDS)) {
      Client http = ClientBuilder.newBuilder()
          .register(JacksonFeature.class)
          .register((ClientResponseFilter) (request, response) -> {
            lastRequest = request.getMethod() + " " + request.getUri().getPath();
            lastStatus = response.getStatusInfo();
          })
          .build();
      try {
        run(app, http);
      } finally {
        http.close();
      }
    }
    return List.copyOf(steps);
  }

  private void run(SampleApp app, Client http) throws InterruptedException {
    out.println("Portcullis demo: generated OAuth clients calling the sample Orders API");
    out.println("  API:                  " + app.baseUri());
    out.println("  authorization server: " + app.issuer() + " (development only; tokens live "
        + TOKEN_LIFETIME_SECONDS + " s)");
    out.println();

    TokenClient readerTokens = TokenClient.create(settings(app, "orders-reader", "orders:read"));
    TokenClient writerTokens =
        TokenClient.create(settings(app, "orders-writer", "orders:read", "orders:write"));
    OrdersReader reader = OAuthClients.builder(OrdersReader.class)
        .baseUri(app.baseUri()).tokens(readerTokens).client(http).build();
    OrdersWriter writer = OAuthClients.builder(OrdersWriter.class)
        .baseUri(app.baseUri()).tokens(writerTokens).client(http).build();

    out.println("1. orders-reader (scope orders:read) lists the orders: reader.list()");
    List<Order> orders = reader.list();
    AccessToken first = readerTokens.token();
    record("reader lists orders", orders.size() + " orders; token obtained with client_credentials,"
        + " expires " + first.expiresAt());

    out.println("2. orders-reader reads one order: reader.get(\"1\")");
    Order order = reader.get("1");
    AccessToken again = readerTokens.token();
    expect(again == first, "the reader's token to come from the cache");
    record("reader reads an order", order.item() + " x" + order.quantity()
        + "; the same token, reused from the cache");

    out.println("3. orders-reader tries to create an order. OrdersReader has no create(): declared"
        + " with scope orders:read it would fail the build, so this is a plain request with the"
        + " reader's token");
    try (Response refused = http.target(app.baseUri()).path("api/orders").request()
        .header(HttpHeaders.AUTHORIZATION, readerTokens.token().authorizationHeader())
        .post(Entity.json(new NewOrder("espresso cups", 6)))) {
      // What a generated client's method throws for this answer, and what it says.
      InsufficientScopeException typed = TokenRejection.typed(refused)
          .filter(InsufficientScopeException.class::isInstance)
          .map(InsufficientScopeException.class::cast)
          .orElse(null);
      record("reader is refused a create", "WWW-Authenticate: "
          + refused.getHeaderString(HttpHeaders.WWW_AUTHENTICATE)
          + (typed == null ? "" : "\n   a generated client throws InsufficientScopeException, requiredScopes="
              + typed.requiredScopes() + ": " + typed.getMessage()));
      expect(refused.getStatus() == 403, "the reader's create to be refused with 403");
      expect(typed != null && typed.requiredScopes().contains("orders:write"),
          "the refusal to be an InsufficientScopeException naming orders:write");
    }

    out.println("4. orders-writer (scopes orders:read orders:write) creates an order:"
        + " writer.create(...)");
    try (Response created = writer.create(new NewOrder("espresso cups", 6))) {
      record("writer creates an order", "Location: " + created.getLocation().getPath());
    }

    Instant renewal = first.expiresAt().minus(REFRESH_AHEAD);
    long wait = Math.max(0, Duration.between(Instant.now(), renewal).toMillis()) + 250;
    out.println("5. waiting " + wait + " ms, until the reader's token is within "
        + REFRESH_AHEAD.toSeconds() + " s of expiry, then reader.list() again");
    Thread.sleep(wait);
    reader.list();
    AccessToken renewed = readerTokens.token();
    expect(renewed != first && renewed.expiresAt().isAfter(first.expiresAt()),
        "the reader's token to be renewed");
    record("reader lists orders with a renewed token", "a new token, expires "
        + renewed.expiresAt());
    out.println();
    out.println("Done: every step answered as expected.");
  }

  private void record(String name, String detail) {
    steps.add(new Step(name, lastStatus.getStatusCode()));
    out.println("   " + lastRequest + " -> " + lastStatus.getStatusCode() + " "
        + lastStatus.getReasonPhrase());
    out.println("   " + detail);
  }

  private static void expect(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException("The demo expected " + what + ", but it did not happen.");
    }
  }

  private static OAuthClientSettings settings(SampleApp app, String clientId, String... scopes) {
    return OAuthClientSettings.builder()
        .tokenEndpoint(app.devTokenEndpoint())
        .clientId(clientId)
        // The development server accepts any secret; a real one checks it.
        .authentication(ClientAuthentication.clientSecretBasic(clientId + "-secret"))
        .scopes(scopes)
        .refreshAhead(REFRESH_AHEAD)
        .build();
  }
}
