package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh mock-oauth2-server on loopback for the tests of one class, and the {@link TestApp}s
 * that trust its {@code default} issuer. Registered in a static field,
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TrustedAuthorizationServer authorizationServer = new TrustedAuthorizationServer();
 * }</pre>
 *
 * <p>it starts the server before the class's {@code @BeforeAll} methods run; after its {@code
 * @AfterAll} methods, it closes the apps started through it, the last one first, and shuts the
 * server down.
 */
final class TrustedAuthorizationServer implements BeforeAllCallback, AfterAllCallback {
  /** The issuer of mock-oauth2-server whose tokens the apps accept. */
  static final String ISSUER_ID = "default";

  /** How long {@link #awaitKeys} waits for an app to load the server's keys. */
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private final List<TestApp> apps = new ArrayList<>();
  private MockOAuth2Server server;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    server = new MockOAuth2Server();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    for (int i = apps.size() - 1; i >= 0; i--) {
      apps.get(i).close();
    }
    apps.clear();
    server.shutdown();
  }

  /** The running mock-oauth2-server, for what this class does not cover. */
  MockOAuth2Server server() {
    return server;
  }

  /** The URL of the {@code default} issuer, as apps and clients name it. */
  String issuer() {
    return server.issuerUrl(ISSUER_ID).toString();
  }

  /** The token endpoint of the {@code default} issuer. */
  String tokenEndpoint() {
    return server.tokenEndpointUrl(ISSUER_ID).toString();
  }

  /** Settings that trust the {@code default} issuer for tokens meant for {@link KeyServer#AUDIENCE}. */
  PortcullisConfig.Builder config() {
    return PortcullisConfig.builder().issuer(issuer()).audience(KeyServer.AUDIENCE);
  }

  /** Starts {@code resources} behind {@link #config()}; the app is closed after the class's tests. */
  TestApp start(Class<?>... resources) {
    return start(config().build(), resources);
  }

  /** Starts {@code resources} behind {@code config}; the app is closed after the class's tests. */
  TestApp start(PortcullisConfig config, Class<?>... resources) {
    TestApp app = TestApp.start(config, resources);
    apps.add(app);
    return app;
  }

  /**
   * What the {@code default} issuer puts in a token for {@code subject}: the audience {@link
   * KeyServer#AUDIENCE}, {@code scope}, and an hour of validity.
   */
  DefaultOAuth2TokenCallback tokens(String subject, String scope) {
    return new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of(KeyServer.AUDIENCE),
        Map.of("scope", scope), 3600);
  }

  /** Makes {@link #tokens} what the token endpoint puts in the next token it issues. */
  void enqueue(String subject, String scope) {
    server.enqueueCallback(tokens(subject, scope));
  }

  /** A signed token of {@link #tokens}, issued at once to the client {@code subject}. */
  String token(String subject, String scope) {
    return server.issueToken(ISSUER_ID, subject, tokens(subject, scope)).serialize();
  }

  /**
   * Waits until {@code app} has the server's keys, which it loads in the background: asks for
   * {@code path} with a token granting {@code scope} until the answer is no longer 503, for up
   * to a minute, and asserts that it is 200.
   */
  void awaitKeys(TestApp app, String path, String scope) throws InterruptedException {
    Answer answer = app.bearerOnceKeysLoaded(path, token("warm-up", scope), PATIENCE);
    assertEquals(200, answer.status(), answer::toString);
  }
}
