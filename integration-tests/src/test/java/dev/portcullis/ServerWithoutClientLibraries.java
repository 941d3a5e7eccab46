package dev.portcullis;

import dev.portcullis.client.OAuthClients;
import dev.portcullis.testapp.OrdersResource;

/**
 * Protects an application in a JVM whose class path lacks the client's libraries (the OAuth 2.0
 * SDK and what it brings), as a server-only application that depends on {@code
 * portcullis-runtime} alone has it; prints one line per answer for {@link
 * ServerOnlyDependenciesTest} to read.
 */
final class ServerWithoutClientLibraries {
  private ServerWithoutClientLibraries() {}

  public static void main(String[] args) throws Exception {
    try {
      Class.forName("com.nimbusds.oauth2.sdk.TokenRequest");
      System.out.println("sdk on class path");
    } catch (ClassNotFoundException expected) {
      System.out.println("sdk absent");
    }
    try (KeyServer keys = new KeyServer();
        TestApp app = TestApp.start(keys.config().build(), OrdersResource.class)) {
      System.out.println("no token " + app.get("/orders").status());
      System.out.println("reader " + app.get("/orders", "Authorization", "Bearer " + keys.token("orders:read")).status());
      System.out.println("other scope " + app.get("/orders", "Authorization", "Bearer " + keys.token("profile")).status());
    }
    try {
      OAuthClients.create(OAuthClientsTest.Stubbed.class, java.net.URI.create("http://127.0.0.1:9/"),
          () -> {
            throw new AssertionError("The token source is not asked before the client exists.");
          });
      System.out.println("client created");
    } catch (IllegalStateException e) {
      System.out.println("client refused: " + e.getMessage());
    }
    // The test key server's executor threads are not daemons.
    System.exit(0);
  }
}
