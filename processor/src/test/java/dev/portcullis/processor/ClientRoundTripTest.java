package dev.portcullis.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.PortcullisConfigException;
import dev.portcullis.client.AccessToken;
import dev.portcullis.client.ClientAuthentication;
import dev.portcullis.client.InsufficientScopeException;
import dev.portcullis.client.InvalidTokenException;
import dev.portcullis.client.OAuthClientSettings;
import dev.portcullis.client.OAuthClients;
import dev.portcullis.client.TokenClient;
import dev.portcullis.client.TokenSource;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated client calls a Portcullis-protected Jersey server over real HTTP, with tokens
 * that {@link TokenClient} obtains with client_credentials from a real authorization server.
 */
class ClientRoundTripTest {
  private static final String AUDIENCE = "catalog-api";
  private static final String ALL_SCOPES = "catalog:read catalog:write";
  private static final Map<String, AtomicInteger> REQUESTS = new ConcurrentHashMap<>();

  @TempDir static Path classes;

  private static ServedCompilation app;
  private static URI base;
  private static Client http;
  private static Class<?> clientInterface;

  @BeforeAll
  static void start() throws Exception {
    app =
        ServedCompilation.start(
            StubGenerationTest.CATALOG.generatedFiles(),
            classes,
            AUDIENCE,
            "catalog.CatalogResource",
            JacksonFeature.class,
            new RequestCounter());
    clientInterface = app.loader.loadClass("catalog.CatalogClient");
    base = URI.create("http://127.0.0.1:" + app.port() + "/");
    http = ClientBuilder.newBuilder().register(JacksonFeature.class).build();
  }

  @AfterAll
  static void stop() throws Exception {
    if (http != null) {
      http.close();
    }
    if (app != null) {
      app.close();
    }
  }

  @Test
  void collectionQueryParameterIsRepeatedAndDefaultValueFillsANull() throws Exception {
    List<?> items = (List<?>) call(client(ALL_SCOPES), "list", List.of("red", "a&b=c d+e%f{g}"), null);
    assertEquals("red,a&b=c d+e%f{g}", field(items.get(0), "name"));
    assertEquals("20", field(items.get(1), "name"));
  }

  @Test
  void pathParameterIsEncodedAsOneSegmentSlashIncluded() throws Exception {
    Object item = call(client(ALL_SCOPES), "get", "shelf/7 a");
    assertEquals("shelf/7 a", field(item, "id"));
  }

  @Test
  void headerCookieAndMatrixParametersAreSent() throws Exception {
    assertEquals("t-1|s-1|1", call(client(ALL_SCOPES), "echo", "t-1", "s-1", null));
  }

  @Test
  void beanParameterPropertiesAreSentByTheirAnnotations() throws Exception {
    Object query = app.loader.loadClass("catalog.SearchQuery").getConstructor().newInstance();
    query.getClass().getMethod("setText", String.class).invoke(query, "blue ink");
    query.getClass().getField("tags").set(query, List.of("a", "b"));
    assertEquals("blue ink|1|a,b", call(client(ALL_SCOPES), "search", query));
  }

  @Test
  void formParametersBecomeTheBody() throws Exception {
    assertEquals("pen|a,b", call(client(ALL_SCOPES), "form", "pen", List.of("a", "b")));
  }

  @Test
  void entityIsSentAndTheRawResponseReturned() throws Exception {
    Object item = app.loader.loadClass("catalog.Item").getConstructor(String.class, String.class)
        .newInstance("i-1", "ink");
    try (Response response = (Response) call(client(ALL_SCOPES), "create", item)) {
      assertEquals(201, response.getStatus());
      assertTrue(response.getLocation().getPath().endsWith("/catalog/items/i-1"));
    }
    assertEquals("ink", field(call(client(ALL_SCOPES), "replace", "i-1", item), "name"));
  }

  @Test
  void primitiveAndAsynchronousResults() throws Exception {
    Object stub = client(ALL_SCOPES);
    assertEquals(42, call(stub, "count"));
    CompletionStage<?> async = (CompletionStage<?>) call(stub, "getAsync", "x");
    assertEquals("async x", field(async.toCompletableFuture().get(10, TimeUnit.SECONDS), "name"));
    call(stub, "delete", "d-1");
  }

  @Test
  void errorStatusesRaiseTheMatchingExceptionButResponseGetsItRaw() throws Exception {
    Object stub = client(ALL_SCOPES);
    assertThrows(NotFoundException.class, () -> call(stub, "get", "missing"));
    assertThrows(NotFoundException.class, () -> call(stub, "delete", "missing"));

    Object reader = client("profile");
    InsufficientScopeException refused =
        assertThrows(InsufficientScopeException.class, () -> call(reader, "get", "x"));
    assertInstanceOf(ForbiddenException.class, refused, "JAX-RS code catching ForbiddenException keeps working");
    assertTrue(
        refused.getResponse().getHeaderString(HttpHeaders.WWW_AUTHENTICATE)
            .contains("error=\"insufficient_scope\""));
    assertEquals(Set.of("catalog:read"), refused.requiredScopes());
    assertEquals("insufficient_scope", refused.error());
    assertTrue(refused.errorDescription().isPresent());
    try (Response raw = (Response) call(reader, "exists", "x")) {
      assertEquals(403, raw.getStatus());
    }
  }

  @Test
  void responseMethodsThrowForErrorsWhenTheClientAsksForIt() throws Exception {
    Object reader = OAuthClients.builder(clientInterface).baseUri(base)
        .tokens(fixed("profile")).client(http).responsesThrowOnError().build();

    InsufficientScopeException refused =
        assertThrows(InsufficientScopeException.class, () -> call(reader, "exists", "x"));
    assertEquals(Set.of("catalog:read"), refused.requiredScopes());
  }

  @Test
  void responseMethodsThrowForErrorsWithTheSetting() throws Exception {
    System.setProperty("portcullis.client.catalog.response-errors", "throw");
    try {
      Object reader = OAuthClients.builder(clientInterface).baseUri(base).tokens(fixed("profile")).client(http)
          .build();
      assertThrows(InsufficientScopeException.class, () -> call(reader, "exists", "x"));
    } finally {
      System.clearProperty("portcullis.client.catalog.response-errors");
    }
    System.setProperty("portcullis.client.catalog.response-errors", "sometimes");
    try {
      PortcullisConfigException wrong = assertThrows(PortcullisConfigException.class,
          () -> OAuthClients.builder(clientInterface).baseUri(base).tokens(fixed("profile")).client(http).build());
      assertEquals("portcullis.client.catalog.response-errors is \"sometimes\", which is neither throw nor"
          + " return; use throw to have methods returning Response throw for answers outside 2xx, or return"
          + " (the default) to get every answer as it is.", wrong.getMessage());
    } finally {
      System.clearProperty("portcullis.client.catalog.response-errors");
    }
  }

  @Test
  void publicMethodSendsNoToken() throws Exception {
    CountingTokens tokens = tokens(List.of());
    assertEquals("anonymous", call(stub(tokens), "status"));
    assertEquals(0, tokens.tokens.get());
  }

  @Test
  void rejectedTokenIsReplacedAndAnIdempotentRequestReplayedOnce() throws Exception {
    CountingTokens tokens = tokens(List.of("other-api", AUDIENCE));
    Object item = call(stub(tokens), "get", "replay-get");
    assertEquals("replay-get", field(item, "id"));
    assertEquals(2, requests("GET /catalog/items/replay-get"));
    assertEquals(1, tokens.invalidations.get());
  }

  @Test
  void asynchronousRequestIsReplayedOnceToo() throws Exception {
    CountingTokens tokens = tokens(List.of("other-api", AUDIENCE));
    CompletionStage<?> item = (CompletionStage<?>) call(stub(tokens), "getAsync", "replay-async");
    assertEquals("async replay-async", field(item.toCompletableFuture().get(10, TimeUnit.SECONDS), "name"));
    assertEquals(2, requests("GET /catalog/async/replay-async"));
    assertEquals(1, tokens.invalidations.get());
  }

  @Test
  void rejectedTokenIsNeverReplayedInALoop() {
    CountingTokens tokens = tokens(List.of("other-api", "other-api"));
    InvalidTokenException rejected =
        assertThrows(InvalidTokenException.class, () -> call(stub(tokens), "get", "replay-twice"));
    assertEquals("invalid_token", rejected.error());
    assertEquals(2, requests("GET /catalog/items/replay-twice"));
  }

  @Test
  void rejectedPostIsNotReplayed() {
    CountingTokens tokens = tokens(List.of("other-api"));
    int before = requests("POST /catalog/form");
    assertThrows(NotAuthorizedException.class, () -> call(stub(tokens), "form", "replay-post", List.of()));
    assertEquals(before + 1, requests("POST /catalog/form"));
    assertEquals(1, tokens.invalidations.get());
    assertEquals(1, tokens.tokens.get());
  }

  @Test
  void clientFromConfigurationRequestsTheAnnotationScopes() throws Exception {
    String prefix = "portcullis.client.catalog.";
    Map<String, String> properties = Map.of(
        prefix + "base-uri", base.toString(),
        prefix + "token-endpoint", app.authorizationServer.tokenEndpointUrl("default").toString(),
        prefix + "client-id", "catalog-service",
        prefix + "client-secret", "secret");
    properties.forEach(System::setProperty);
    try {
      enqueue(AUDIENCE, ALL_SCOPES);
      assertEquals(42, call(OAuthClients.fromConfiguration(clientInterface), "count"));
    } finally {
      properties.keySet().forEach(System::clearProperty);
    }
  }

  /** One token granting {@code scope}, minted directly: no queued answer of the server is used. */
  private static TokenSource fixed(String scope) {
    String token = app.token(AUDIENCE, scope);
    return () -> AccessToken.of(token, "Bearer", Instant.now().plusSeconds(600), Set.of(scope));
  }

  /** A client whose token grants {@code scope}. */
  private static Object client(String scope) {
    enqueue(AUDIENCE, scope);
    return stub(new CountingTokens(tokenClient()));
  }

  /** Tokens whose successive audiences are {@code audiences}: a foreign one is rejected. */
  private static CountingTokens tokens(List<String> audiences) {
    audiences.forEach(audience -> enqueue(audience, ALL_SCOPES));
    return new CountingTokens(tokenClient());
  }

  private static Object stub(CountingTokens tokens) {
    return OAuthClients.builder(clientInterface).baseUri(base).tokens(tokens).client(http).build();
  }

  private static TokenClient tokenClient() {
    return TokenClient.create(
        OAuthClientSettings.builder()
            .tokenEndpoint(app.authorizationServer.tokenEndpointUrl("default").toString())
            .clientId("catalog-service")
            .authentication(ClientAuthentication.clientSecretBasic("secret"))
            .scopes("catalog:read", "catalog:write")
            .build());
  }

  private static void enqueue(String audience, String scope) {
    app.authorizationServer.enqueueCallback(
        new DefaultOAuth2TokenCallback(
            "default", "catalog-service", "JWT", List.of(audience), Map.of("scope", scope), 3600));
  }

  private static int requests(String key) {
    AtomicInteger count = REQUESTS.get(key);
    return count == null ? 0 : count.get();
  }

  private static Object call(Object stub, String name, Object... args) throws Exception {
    for (Method method : clientInterface.getMethods()) {
      if (method.getName().equals(name) && method.getParameterCount() == args.length) {
        try {
          return method.invoke(stub, args);
        } catch (InvocationTargetException e) {
          if (e.getCause() instanceof Exception cause) {
            throw cause;
          }
          throw e;
        }
      }
    }
    throw new AssertionError("no method " + name);
  }

  private static Object field(Object item, String name) throws ReflectiveOperationException {
    return item.getClass().getField(name).get(item);
  }

  /** Counts requests by method and path before anything can reject them. */
  @PreMatching
  static final class RequestCounter implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
      String key = request.getMethod() + " /" + request.getUriInfo().getPath(false);
      REQUESTS.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }
  }
}
