package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.portcullis.client.AccessToken;
import dev.portcullis.client.ClientAuthentication;
import dev.portcullis.client.Grant;
import dev.portcullis.client.OAuthClientSettings;
import dev.portcullis.client.OAuthClients;
import dev.portcullis.client.PendingAuthorization;
import dev.portcullis.client.TokenAcquisitionException;
import dev.portcullis.client.TokenClient;
import dev.portcullis.testapp.CallerClient;
import dev.portcullis.testapp.CallerResource;
import dev.portcullis.testapp.MeResource;
import dev.portcullis.testapp.OnBehalfResource;
import dev.portcullis.testapp.OrdersReaderClient;
import dev.portcullis.testapp.OrdersResource;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/**
 * A user signs in to a real Keycloak, the realm scripts/keycloak.sh provisions, through a
 * {@link TokenClient}: authorization code with PKCE, refresh with rotation, revocation, and an
 * API protected by Portcullis calling another for that user through a token exchange; and a
 * generated client with DPoP-bound tokens calling an API that requires DPoP. Runs when
 * {@code KEYCLOAK_IT_ISSUER} names the realm's issuer, as .ci/run sets it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KeycloakIT {
  // Provisioned by scripts/keycloak.sh.
  private static final String USER = "alice";
  private static final String PASSWORD = "alice-password";
  private static final String WEB_CLIENT = "portcullis-web";
  private static final String GATEWAY_CLIENT = "orders-gateway";
  private static final String API_CLIENT = "orders-api";
  /** A client_credentials client whose tokens Keycloak binds to a DPoP key. */
  private static final String DPOP_CLIENT = "orders-dpop";

  private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*\\baction=\"([^\"]+)\"");
  private static String issuer;
  private static URI tokenEndpoint;

  private final HttpClient browser = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
  /**
   * The browser's cookies, by name. Keycloak marks its cookies Secure, which the JDK's
   * CookieManager then keeps from plain-HTTP requests, even to a loopback address.
   */
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private RecordingTokenProxy proxy;

  @BeforeAll
  static void keycloak() {
    issuer = System.getenv("KEYCLOAK_IT_ISSUER");
    tokenEndpoint = issuer == null ? null : URI.create(issuer + "/protocol/openid-connect/token");
  }

  @BeforeEach
  void startProxy(TestInfo test) throws IOException {
    if (issuer == null) {
      String reason = "KEYCLOAK_IT_ISSUER is not set; .ci/run sets it for a Keycloak it starts with"
          + " scripts/keycloak.sh.";
      // Maven prints only the count of skipped tests; the reason belongs on the console too.
      System.out.println("SKIPPED KeycloakIT." + test.getTestMethod().orElseThrow().getName() + ": " + reason);
      Assumptions.abort(reason);
    }
    proxy = new RecordingTokenProxy(tokenEndpoint);
  }

  @AfterEach
  void stopProxy() {
    if (proxy != null) {
      proxy.close();
    }
  }

  /**
   * The web client: its token requests go through {@link #proxy}, which records the refresh
   * tokens Keycloak issues, so that the test can try them at Keycloak itself.
   */
  private TokenClient webClient() throws IOException {
    return TokenClient.create(OAuthClientSettings.builder()
        .issuer(issuer)
        .tokenEndpoint(proxy.uri().toString())
        .clientId(WEB_CLIENT)
        .authentication(ClientAuthentication.clientSecretBasic(WEB_CLIENT + "-secret"))
        .grant(Grant.authorizationCode(URI.create("http://127.0.0.1:" + freePort() + "/callback")))
        .scopes("openid", "orders:read")
        .retry(1, Duration.ZERO)
        .build());
  }

  /** Signs {@link #USER} in through {@code client}, posting Keycloak's login form. */
  private AccessToken signIn(TokenClient client) throws Exception {
    PendingAuthorization pending = client.authorizationRequest();
    assertTrue(pending.url().getRawQuery().contains("code_challenge_method=S256"), pending.url()::toString);
    HttpResponse<String> loginPage = browse(HttpRequest.newBuilder(pending.url()).GET());
    assertEquals(200, loginPage.statusCode());
    Matcher action = FORM_ACTION.matcher(loginPage.body());
    assertTrue(action.find(), "no login form in " + loginPage.body());
    String form = "username=" + URLEncoder.encode(USER, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&credentialId=";
    HttpResponse<String> loggedIn = browse(HttpRequest.newBuilder(
            URI.create(action.group(1).replace("&amp;", "&")))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
    assertEquals(302, loggedIn.statusCode(), "the login form was not accepted");
    URI callback = URI.create(loggedIn.headers().firstValue("Location").orElseThrow());
    return client.completeAuthorization(pending, callback);
  }

  /** Sends {@code request} with the cookies Keycloak set so far and keeps those it sets now. */
  private HttpResponse<String> browse(HttpRequest.Builder request) throws Exception {
    if (!cookies.isEmpty()) {
      StringBuilder header = new StringBuilder();
      cookies.forEach((name, value) -> header.append(header.length() == 0 ? "" : "; ")
          .append(name).append('=').append(value));
      request.header("Cookie", header.toString());
    }
    HttpResponse<String> response = browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    for (String setCookie : response.headers().allValues("Set-Cookie")) {
      String pair = setCookie.split(";", 2)[0];
      int equals = pair.indexOf('=');
      cookies.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
    }
    return response;
  }

  private static JWTClaimsSet claims(String token) throws Exception {
    return SignedJWT.parse(token).getJWTClaimsSet();
  }

  /** Sends {@code refreshToken} to Keycloak's token endpoint as the web client; the answer's status. */
  private static HttpResponse<String> refreshAtKeycloak(String refreshToken) throws Exception {
    String credentials = Base64.getEncoder().encodeToString(
        (WEB_CLIENT + ":" + WEB_CLIENT + "-secret").getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(tokenEndpoint)
        .header("Authorization", "Basic " + credentials)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token="
            + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void authorizationCodeWithPkceSignsTheUserIn() throws Exception {
    TokenClient client = webClient();

    AccessToken token = signIn(client);

    JWTClaimsSet claims = claims(token.value());
    assertEquals(issuer, claims.getIssuer());
    assertEquals(USER, claims.getStringClaim("preferred_username"));
    assertEquals(WEB_CLIENT, claims.getStringClaim("azp"));
    assertTrue(claims.getStringClaim("scope").contains("orders:read"), claims::toString);
    assertEquals(token.value(), client.token().value(), "the token is cached");
    assertEquals(1, proxy.refreshTokens().size(), "Keycloak issued a refresh token");
  }

  @Test
  void newTokensComeFromTheRotatedRefreshToken() throws Exception {
    TokenClient client = webClient();
    AccessToken first = signIn(client);

    AccessToken second = client.newToken();
    AccessToken third = client.newToken();

    assertNotEquals(first.value(), second.value());
    assertNotEquals(second.value(), third.value());
    assertEquals(claims(first.value()).getStringClaim("sid"), claims(third.value()).getStringClaim("sid"),
        "the same session, renewed");
    List<String> issued = proxy.refreshTokens();
    assertEquals(3, issued.size(), "each answer carried a refresh token");
    assertEquals(3, java.util.Set.copyOf(issued).size(), "Keycloak rotated the refresh token");
    // Keycloak takes each refresh token once (seconds apart; sooner it lets one be reused).
    assertEquals(List.of(issued.get(0), issued.get(1)), proxy.refreshTokensSent(),
        "each refresh sent the refresh token issued last");
  }

  @Test
  void revocationEndsTheRefreshTokenAtKeycloak() throws Exception {
    TokenClient client = webClient();
    signIn(client);
    client.newToken();
    String current = proxy.refreshTokens().get(proxy.refreshTokens().size() - 1);

    client.revoke();

    HttpResponse<String> afterRevocation = refreshAtKeycloak(current);
    assertEquals(400, afterRevocation.statusCode());
    assertTrue(afterRevocation.body().contains("\"invalid_grant\""), afterRevocation::body);
    TokenAcquisitionException signedOut = assertThrows(TokenAcquisitionException.class, client::token);
    assertTrue(signedOut.getMessage().contains("a user must sign in"), signedOut.getMessage());
  }

  @Test
  void anApiCallsAnotherForItsCallerThroughTokenExchange() throws Exception {
    AccessToken user = signIn(webClient());
    assertTrue(claims(user.value()).getAudience().contains(GATEWAY_CLIENT));
    try (TestApp orders = TestApp.start(PortcullisConfig.builder().issuer(issuer).audience(API_CLIENT).build(),
            CallerResource.class);
        TestApp gateway = TestApp.start(PortcullisConfig.builder().issuer(issuer).audience(GATEWAY_CLIENT).build(),
            OnBehalfResource.class)) {
      OnBehalfResource.callWith(OAuthClients.builder(CallerClient.class)
          .baseUri(orders.base())
          .settings(OAuthClientSettings.builder()
              .issuer(issuer)
              .clientId(GATEWAY_CLIENT)
              .authentication(ClientAuthentication.clientSecretBasic(GATEWAY_CLIENT + "-secret"))
              .grant(Grant.tokenExchangeForCaller())
              .audiences(API_CLIENT)
              .build())
          .build());

      Answer answer = afterKeysLoaded(gateway, user.value());

      assertEquals(200, answer.status(), answer::toString);
      Map<String, String> seen = new HashMap<>();
      for (String line : answer.body().split("\n")) {
        seen.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
      }
      assertEquals(claims(user.value()).getSubject(), seen.get("sub"));
      assertTrue(seen.get("aud").contains(API_CLIENT), seen::toString);
      assertNotEquals(user.value(), seen.get("token"), "the caller's token is exchanged, not forwarded");
      JWTClaimsSet exchanged = claims(seen.get("token"));
      assertEquals(GATEWAY_CLIENT, exchanged.getStringClaim("azp"));
    }
  }

  @Test
  void everyTokenIsIntrospectedAtKeycloakAuthenticatingAsTheApi() throws Exception {
    String reader = TokenClient.create(OAuthClientSettings.builder()
        .issuer(issuer)
        .clientId("orders-reader")
        .authentication(ClientAuthentication.clientSecretBasic("orders-reader-secret"))
        .build()).token().value();
    PortcullisConfig.Builder config = PortcullisConfig.builder().issuer(issuer).audience(API_CLIENT)
        .introspectAllTokens(true).introspectionCacheTtl(Duration.ZERO);
    try (TestApp app = TestApp.start(config.introspection(API_CLIENT, API_CLIENT + "-secret").build(),
        OrdersResource.class, MeResource.class)) {
      Answer orders = app.bearer("/orders", reader);
      assertEquals(200, orders.status(), orders::toString);
      Answer me = app.bearer("/me", reader);
      assertTrue(me.body().contains("clientId=orders-reader\n"), me::toString);
      assertTrue(me.body().contains("scopes=[orders:read"), me::toString);
      // Not signed by Keycloak: its introspection endpoint says it is not active.
      String[] parts = reader.split("\\.");
      Answer forged = app.bearer("/orders", parts[0] + "." + parts[1] + ".c2lnbmF0dXJl");
      assertEquals(401, forged.status(), forged::toString);
      assertTrue(forged.header("WWW-Authenticate").contains("The token is not active."), forged::toString);
    }
    try (TestApp post = TestApp.start(config.introspection(API_CLIENT, API_CLIENT + "-secret")
        .introspectionClientAuth("client_secret_post").build(), OrdersResource.class)) {
      assertEquals(200, post.bearer("/orders", reader).status());
    }
    try (TestApp wrongSecret = TestApp.start(config.introspection(API_CLIENT, "not-the-secret")
        .introspectionClientAuth("client_secret_basic").build(), OrdersResource.class)) {
      Answer refused = wrongSecret.bearer("/orders", reader);
      assertEquals(503, refused.status(), refused::toString);
    }
  }

  @Test
  void generatedClientWithDpopCallsAnApiThatRequiresDpopWithKeycloaksBoundTokens() throws Exception {
    TokenClient tokens = TokenClient.create(OAuthClientSettings.builder()
        .issuer(issuer)
        .clientId(DPOP_CLIENT)
        .authentication(ClientAuthentication.clientSecretBasic(DPOP_CLIENT + "-secret"))
        .scopes("orders:read")
        .dpop(true)
        .build());
    AccessToken token = tokens.token();
    assertEquals("DPoP", token.type());
    assertEquals(tokens.dpopKey().orElseThrow().thumbprint(),
        claims(token.value()).getJSONObjectClaim("cnf").get("jkt"));
    try (TestApp app = TestApp.start(PortcullisConfig.builder().issuer(issuer).audience(API_CLIENT)
        .dpop(PortcullisConfig.DpopPolicy.REQUIRED).build(), OrdersResource.class)) {
      OrdersReaderClient orders = OAuthClients.builder(OrdersReaderClient.class)
          .baseUri(app.base()).tokens(tokens).build();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      String listed = null;
      while (listed == null) {  // the app loads Keycloak's keys in the background: 503 until then
        try {
          listed = orders.list();
        } catch (jakarta.ws.rs.ServiceUnavailableException loading) {
          if (System.nanoTime() > deadline) {
            throw loading;
          }
          Thread.sleep(200);
        }
      }
      assertEquals("orders", listed);
      assertEquals("order 7", orders.get("7"));   // a second call: a new proof, the same token
      assertEquals(token.value(), tokens.token().value());
      // The token alone, sent as Bearer, is refused: it is bound to the client's key.
      Answer asBearer = app.bearer("/orders", token.value());
      assertEquals(401, asBearer.status(), asBearer::toString);
    }
  }

  /** The gateway's first answer that is not 503 (keys still loading, downstream too), for up to 60 s. */
  private static Answer afterKeysLoaded(TestApp gateway, String token) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    Answer answer = gateway.bearer("/on-behalf", token);
    while ((answer.status() == 503 || answer.body().contains("HTTP 503"))
        && System.nanoTime() < deadline) {
      Thread.sleep(200);
      answer = gateway.bearer("/on-behalf", token);
    }
    return answer;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Forwards token requests to Keycloak as they are and records the refresh tokens of its answers. */
  private static final class RecordingTokenProxy implements AutoCloseable {
    private static final Pattern REFRESH_TOKEN = Pattern.compile("\"refresh_token\"\\s*:\\s*\"([^\"]+)\"");
    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final List<String> refreshTokens = new ArrayList<>();
    private final List<String> refreshTokensSent = new ArrayList<>();

    RecordingTokenProxy(URI target) throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/token", exchange -> {
        try (exchange) {
          String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          for (String field : form.split("&")) {
            if (field.startsWith("refresh_token=")) {
              synchronized (refreshTokens) {
                refreshTokensSent.add(java.net.URLDecoder.decode(field.substring("refresh_token=".length()),
                    StandardCharsets.UTF_8));
              }
            }
          }
          HttpRequest.Builder forward = HttpRequest.newBuilder(target)
              .POST(HttpRequest.BodyPublishers.ofString(form));
          for (String header : List.of("Authorization", "Content-Type", "Accept")) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
              forward.header(header, value);
            }
          }
          HttpResponse<String> answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofString());
          Matcher refresh = REFRESH_TOKEN.matcher(answer.body());
          if (answer.statusCode() == 200 && refresh.find()) {
            synchronized (refreshTokens) {
              refreshTokens.add(refresh.group(1));
            }
          }
          byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type",
              answer.headers().firstValue("Content-Type").orElse("application/json"));
          exchange.getResponseHeaders().set("Cache-Control", "no-store");
          exchange.sendResponseHeaders(answer.statusCode(), body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          exchange.sendResponseHeaders(502, -1);
        }
      });
      server.start();
    }

    URI uri() {
      return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
    }

    /** The refresh tokens Keycloak issued, in order. */
    List<String> refreshTokens() {
      synchronized (refreshTokens) {
        return List.copyOf(refreshTokens);
      }
    }

    /** The refresh tokens the client sent, in order. */
    List<String> refreshTokensSent() {
      synchronized (refreshTokens) {
        return List.copyOf(refreshTokensSent);
      }
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
