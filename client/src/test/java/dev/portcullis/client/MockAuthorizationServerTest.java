package dev.portcullis.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.testing.MutableClock;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every grant and client authentication method against a real token endpoint:
 * no.nav.security:mock-oauth2-server, in-process on loopback.
 */
class MockAuthorizationServerTest {
  private static final String ISSUER_ID = "default";
  private static final String SECRET = "a-client-secret-long-enough-for-hs256";
  private static MockOAuth2Server server;

  @BeforeAll
  static void start() throws Exception {
    server = new MockOAuth2Server();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterAll
  static void stop() {
    server.shutdown();
  }

  private static String issuer() {
    return server.issuerUrl(ISSUER_ID).toString();
  }

  private static TokenClient client(UnaryOperator<OAuthClientSettings.Builder> customize) {
    return TokenClient.create(customize.apply(OAuthClientSettings.builder()
        .issuer(issuer())
        .clientId("billing")
        .authentication(ClientAuthentication.clientSecretBasic(SECRET))
        .scopes("orders:read")
        .retry(1, Duration.ZERO)).build());
  }

  private static JWTClaimsSet claims(AccessToken token) throws Exception {
    return SignedJWT.parse(token.value()).getJWTClaimsSet();
  }

  private static RecordedRequest lastTokenRequest() throws Exception {
    RecordedRequest last = null;
    while (true) {
      RecordedRequest request;
      try {
        request = server.takeRequest(50, TimeUnit.MILLISECONDS);
      } catch (RuntimeException drained) {
        // The mock throws when no request is left.
        return last;
      }
      if (request.getPath().endsWith("/token")) {
        last = request;
      }
    }
  }

  @Test
  void clientCredentialsWithClientSecretBasicFoundByDiscovery() throws Exception {
    lastTokenRequest();
    AccessToken token = client(b -> b).token();

    JWTClaimsSet claims = claims(token);
    assertEquals(issuer(), claims.getIssuer());
    assertEquals("billing", claims.getSubject());
    assertTrue(lastTokenRequest().getHeader("Authorization").startsWith("Basic "));
  }

  @Test
  void clientCredentialsWithClientSecretPost() throws Exception {
    lastTokenRequest();
    AccessToken token = client(b -> b.authentication(
        ClientAuthentication.clientSecretPost(SECRET))).token();

    assertEquals("billing", claims(token).getSubject());
    assertTrue(lastTokenRequest().getBody().readUtf8().contains("client_secret="));
  }

  @Test
  void clientCredentialsWithClientSecretJwt() throws Exception {
    AccessToken token = client(b -> b.authentication(
        ClientAuthentication.clientSecretJwt(SECRET))).token();

    assertEquals("billing", claims(token).getSubject());
  }

  @Test
  void clientCredentialsWithPrivateKeyJwt() throws Exception {
    AccessToken token = client(b -> b.authentication(ClientAuthentication.privateKeyJwt(
        ClientKey.fromFile(Keys.file("rsa-pkcs8.pem"), "k1")))).token();

    assertEquals("billing", claims(token).getSubject());
  }

  @Test
  void clientCredentialsWithTheTokenEndpointConfiguredDirectly() throws Exception {
    AccessToken token = TokenClient.create(OAuthClientSettings.builder()
        .tokenEndpoint(server.tokenEndpointUrl(ISSUER_ID).toString())
        .clientId("direct")
        .authentication(ClientAuthentication.clientSecretBasic(SECRET))
        .build()).token();

    assertEquals("direct", claims(token).getSubject());
  }

  @Test
  void authorizationCodeWithPkceThenRefreshTokenForRenewal() throws Exception {
    URI redirect = URI.create("http://127.0.0.1:9/callback");
    MutableClock clock = new MutableClock(java.time.Instant.now());
    TokenClient client = client(b -> b.grant(Grant.authorizationCode(redirect))
        .authentication(ClientAuthentication.none()).scopes("openid", "orders:read")
        .clock(clock));

    PendingAuthorization pending = client.authorizationRequest();
    AccessToken first = client.completeAuthorization(pending, followToCallback(pending.url()));
    assertEquals(issuer(), claims(first).getIssuer());
    assertEquals(first.value(), client.token().value());

    clock.advance(Duration.ofHours(2));
    AccessToken renewed = client.token();

    assertNotEquals(first.value(), renewed.value());
    assertTrue(lastTokenRequest().getBody().readUtf8().contains("grant_type=refresh_token"));
  }

  @Test
  void aSignedInUsersAuthorizationIsResumedFromTheStoreByANewClient() throws Exception {
    URI redirect = URI.create("http://127.0.0.1:9/callback");
    MutableClock clock = new MutableClock(java.time.Instant.now());
    TokenStore store = TokenStore.inMemory();
    OAuthClientSettings settings = OAuthClientSettings.builder()
        .issuer(issuer()).clientId("web").authentication(ClientAuthentication.none())
        .grant(Grant.authorizationCode(redirect)).scopes("openid", "orders:read")
        .retry(1, Duration.ZERO).clock(clock).build();
    TokenClient signIn = TokenClient.create(settings, store, "alice");
    PendingAuthorization pending = signIn.authorizationRequest();
    AccessToken first = signIn.completeAuthorization(pending, followToCallback(pending.url()));
    String refreshToken = store.load("alice").orElseThrow().refreshToken();

    TokenClient afterRestart = TokenClient.create(settings, store, "alice");
    assertEquals(first.value(), afterRestart.token().value());
    clock.advance(Duration.ofHours(2));
    AccessToken renewed = afterRestart.token();

    assertNotEquals(first.value(), renewed.value());
    assertTrue(lastTokenRequest().getBody().readUtf8().contains("refresh_token=" + refreshToken));
    assertEquals(renewed.value(), store.load("alice").orElseThrow().accessToken().value());
  }

  @Test
  void tokenExchangeOfAnIncomingToken() throws Exception {
    String incoming = server.issueToken(ISSUER_ID, "user-1", "billing").serialize();

    AccessToken token = client(b -> b.audiences("orders-api")
        .authentication(ClientAuthentication.privateKeyJwt(
            ClientKey.fromFile(Keys.file("ec-pkcs8.pem"), "k1")))
        .grant(Grant.tokenExchange(() -> incoming, Grant.JWT_TYPE))).token();

    JWTClaimsSet claims = claims(token);
    assertEquals("user-1", claims.getSubject());
    assertTrue(claims.getAudience().contains("orders-api"), claims.getAudience().toString());
  }

  @Test
  void jwtBearerGrantWithAnAssertion() throws Exception {
    String assertion = server.issueToken(ISSUER_ID, "service-7", "billing").serialize();

    AccessToken token = client(b -> b.grant(Grant.jwtBearer(() -> assertion))).token();

    assertEquals("service-7", claims(token).getSubject());
  }

  @Test
  void jwtBearerGrantWithAnAssertionSignedByAClientKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    String tokenEndpoint = server.tokenEndpointUrl(ISSUER_ID).toString();
    lastTokenRequest();

    AccessToken token = client(b -> b.grant(Grant.jwtBearer(JwtBearerAssertion.signedBy(
        ClientKey.of(pair.getPrivate(), "k2").withAlgorithm("PS256"), "billing", "service-8",
        tokenEndpoint).withLifetime(Duration.ofSeconds(90))))).token();

    assertEquals("service-8", claims(token).getSubject());
    String form = lastTokenRequest().getBody().readUtf8();
    String assertion = java.net.URLDecoder.decode(form.replaceAll(".*assertion=([^&]*).*", "$1"),
        java.nio.charset.StandardCharsets.UTF_8);
    SignedJWT sent = SignedJWT.parse(assertion);
    assertTrue(sent.verify(new RSASSAVerifier((RSAPublicKey) pair.getPublic())));
    assertEquals("k2", sent.getHeader().getKeyID());
    assertEquals("PS256", sent.getHeader().getAlgorithm().getName());
    JWTClaimsSet sentClaims = sent.getJWTClaimsSet();
    assertEquals("billing", sentClaims.getIssuer());
    assertEquals(java.util.List.of(tokenEndpoint), sentClaims.getAudience());
    assertEquals(90_000, sentClaims.getExpirationTime().getTime() - sentClaims.getIssueTime().getTime());
    assertNotNull(sentClaims.getJWTID());
  }

  @SuppressWarnings("deprecation")
  @Test
  void legacyPasswordGrant() throws Exception {
    AccessToken token = client(b -> b.grant(Grant.password("alice", "wonderland"))).token();

    assertEquals("alice", claims(token).getSubject());
  }

  /** Plays the browser: the mock signs the user in without a form and redirects back. */
  private static URI followToCallback(URI authorizationUrl) throws Exception {
    HttpURLConnection connection = (HttpURLConnection) authorizationUrl.toURL().openConnection();
    connection.setInstanceFollowRedirects(false);
    try {
      if (connection.getResponseCode() != 302) {
        throw new AssertionError(connection.getResponseCode() + " " + new String(
            connection.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      }
      return URI.create(connection.getHeaderField("Location"));
    } finally {
      connection.disconnect();
    }
  }
}
