package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testapp.MeResource;
import dev.portcullis.testapp.OrdersResource;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;

/** Tokens from a real authorization server (mock-oauth2-server), keys found by discovery. */
class MockAuthorizationServerTest {
  /** How long a test waits for the keys of a server started a moment before. */
  static final Duration PATIENCE = Duration.ofSeconds(30);

  private static String token(MockOAuth2Server server, String scope) {
    return server.issueToken("default", "client", new DefaultOAuth2TokenCallback("default", "bob", "JWT",
        List.of(KeyServer.AUDIENCE), Map.of("scope", scope), 3600)).serialize();
  }

  @Test
  void tokensFromTheAuthorizationServerAreVerifiedThroughDiscovery() throws Exception {
    MockOAuth2Server server = new MockOAuth2Server();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    try (TestApp app = TestApp.start(PortcullisConfig.builder().issuer(server.issuerUrl("default").toString())
        .audience(KeyServer.AUDIENCE).build(), OrdersResource.class, MeResource.class)) {
      // The keys load in the background; until they are in, the answer is 503 with Retry-After,
      // which a slow start of the authorization server (a loaded machine) can make last seconds.
      assertEquals(200, app.bearerOnceKeysLoaded("/orders", token(server, "orders:read"), PATIENCE).status());
      assertEquals(403, app.bearer("/orders", token(server, "profile")).status());
      Answer me = app.bearer("/me", token(server, "profile"));
      assertTrue(me.body().contains("subject=bob\n"), me::toString);
    } finally {
      server.shutdown();
    }
  }

  @Test
  void twoIssuersOfTheAuthorizationServerEachWithItsOwnKeys() throws Exception {
    MockOAuth2Server server = new MockOAuth2Server();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    String staff = server.issuerUrl("staff").toString();
    String partners = server.issuerUrl("partners").toString();
    try (TestApp app = TestApp.start(PortcullisConfig.builder().issuers(staff, partners)
        .audience(KeyServer.AUDIENCE).build(), OrdersResource.class, MeResource.class)) {
      Answer fromStaff = app.bearerOnceKeysLoaded("/me", token(server, "staff", "orders:read"), PATIENCE);
      assertEquals(200, fromStaff.status(), fromStaff::toString);
      assertTrue(fromStaff.body().contains("issuer=" + staff + "\n"), fromStaff::toString);
      Answer fromPartners = app.bearerOnceKeysLoaded("/me", token(server, "partners", "orders:read"), PATIENCE);
      assertEquals(200, fromPartners.status(), fromPartners::toString);
      assertTrue(fromPartners.body().contains("issuer=" + partners + "\n"), fromPartners::toString);
      Answer fromOther = app.bearer("/orders", token(server, "default", "orders:read"));
      assertEquals(401, fromOther.status(), fromOther::toString);
      assertTrue(fromOther.challenge().contains("not issued by an issuer this API trusts"), fromOther::toString);
    } finally {
      server.shutdown();
    }
  }

  private static String token(MockOAuth2Server server, String issuerId, String scope) {
    return server.issueToken(issuerId, "client", new DefaultOAuth2TokenCallback(issuerId, "bob", "JWT",
        List.of(KeyServer.AUDIENCE), Map.of("scope", scope), 3600)).serialize();
  }

  @Test
  void authorizationServerDownAtStartupGives503UntilItComesUp() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = probe.getLocalPort();
    }
    // mock-oauth2-server names itself by "localhost" in issuer URLs.
    String issuer = "http://localhost:" + port + "/default";
    MockOAuth2Server server = new MockOAuth2Server();
    try (TestApp app = TestApp.start(PortcullisConfig.builder().issuer(issuer).audience(KeyServer.AUDIENCE).build(),
        OrdersResource.class)) {
      // Any syntactically valid JWT will do while the server is down: no keys, no verdict.
      String early = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImRlZmF1bHQifQ.eyJzdWIiOiJ4In0.c2ln";
      Answer down = app.bearer("/orders", early);
      assertEquals(503, down.status(), down::toString);
      assertTrue(Integer.parseInt(down.header("Retry-After")) >= 1, down::toString);
      assertEquals("{\"error_description\":\"The token could not be verified because the authorization server's"
          + " keys are unavailable.\"}", down.body());

      server.start(InetAddress.getByName("127.0.0.1"), port);
      assertEquals(issuer, server.issuerUrl("default").toString());
      String token = token(server, "orders:read");
      int status = 0;
      // The keys are loaded in the background, a backoff after each failure (up to a minute).
      for (int attempt = 0; attempt < 600 && status != 200; attempt++) {
        status = app.bearer("/orders", token).status();
        if (status != 200) {
          Thread.sleep(100);
        }
      }
      assertEquals(200, status, "the app recovers once the authorization server is up");
    } finally {
      server.shutdown();
    }
  }
}
