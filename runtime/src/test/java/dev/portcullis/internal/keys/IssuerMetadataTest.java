package dev.portcullis.internal.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Discovery locations, the issuer check, the RFC 8414 fallback and the resource server's jwks_uri rule. */
class IssuerMetadataTest {

  private static IssuerMetadata metadata(String issuer) {
    return new IssuerMetadata(URI.create(issuer), Duration.ofSeconds(2), Duration.ofSeconds(2));
  }

  @Test
  void openIdDiscoveryComesFirstThenRfc8414WithThePathAfterTheWellKnownSegment() {
    assertEquals(List.of(URI.create("https://idp.example.com/realms/shop/.well-known/openid-configuration"),
            URI.create("https://idp.example.com/.well-known/oauth-authorization-server/realms/shop"),
            URI.create("https://idp.example.com/realms/shop/.well-known/oauth-authorization-server")),
        metadata("https://idp.example.com/realms/shop/").candidates());
    assertEquals(List.of(URI.create("https://idp.example.com/.well-known/openid-configuration"),
            URI.create("https://idp.example.com/.well-known/oauth-authorization-server")),
        metadata("https://idp.example.com").candidates());
  }

  private static HttpServer serve(String path, String bodyTemplate) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    server.createContext(path, exchange -> {
      byte[] body = bodyTemplate.replace("BASE", base).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    return server;
  }

  @Test
  void rfc8414MetadataIsUsedWhenOpenIdDiscoveryIsAbsent() throws Exception {
    HttpServer server = serve("/.well-known/oauth-authorization-server/tenant",
        "{\"issuer\":\"BASE/tenant\",\"jwks_uri\":\"BASE/keys\"}");
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      assertEquals(URI.create(base + "/keys"), IssuerKeys.jwksUri(metadata(base + "/tenant"), false));
    } finally {
      server.stop(0);
    }
  }

  @Test
  void metadataNamingAnotherIssuerIsRefused() throws Exception {
    HttpServer server = serve("/", "{\"issuer\":\"https://evil.example.com\",\"jwks_uri\":\"BASE/keys\"}");
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      IOException e = assertThrows(IOException.class, () -> IssuerKeys.jwksUri(metadata(base), false));
      assertTrue(e.getMessage().contains("not the configured issuer"), e.getMessage());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void plainHttpJwksUriOnAnotherHostIsRefused() throws Exception {
    HttpServer server = serve("/", "{\"issuer\":\"BASE\",\"jwks_uri\":\"http://keys.example.com/jwks\"}");
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      IOException e = assertThrows(IOException.class, () -> IssuerKeys.jwksUri(metadata(base), false));
      assertTrue(e.getMessage().contains("is not https"), e.getMessage());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void loopbackHostsAreRecognisedWithoutNameLookups() {
    assertTrue(UrlPolicy.isLoopback("localhost"));
    assertTrue(UrlPolicy.isLoopback("127.0.0.1"));
    assertTrue(UrlPolicy.isLoopback("127.255.0.9"));
    assertTrue(UrlPolicy.isLoopback("[::1]"));
    assertFalse(UrlPolicy.isLoopback("128.0.0.1"));
    assertFalse(UrlPolicy.isLoopback("localhost.example.com"));
    assertFalse(UrlPolicy.isLoopback("127.0.0.1.nip.io"));
  }
}
