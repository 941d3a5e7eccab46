package dev.portcullis;

import dev.portcullis.testapp.OrdersResource;

/**
 * Protects an application in a JVM whose class path lacks portcullis-client and the libraries
 * only it brings (the OAuth 2.0 SDK and its dependencies), as a server-only application that
 * depends on {@code portcullis-runtime} alone has it; prints one line per answer for {@link
 * ServerOnlyDependenciesTest} to read.
 */
final class ServerWithoutClientLibraries {
  private ServerWithoutClientLibraries() {}

  public static void main(String[] args) throws Exception {
    for (String name : new String[] {"com.nimbusds.oauth2.sdk.TokenRequest", "dev.portcullis.client.OAuthClients"}) {
      try {
        Class.forName(name);
        System.out.println(name + " on class path");
      } catch (ClassNotFoundException expected) {
        System.out.println(name + " absent");
      }
    }
    try (KeyServer keys = new KeyServer();
        TestApp app = TestApp.start(keys.config().build(), OrdersResource.class)) {
      System.out.println("no token " + app.get("/orders").status());
      System.out.println("reader " + app.get("/orders", "Authorization", "Bearer " + keys.token("orders:read")).status());
      System.out.println("other scope " + app.get("/orders", "Authorization", "Bearer " + keys.token("profile")).status());
    }
    try (KeyServer keys = new KeyServer()) {
      AccessTokenVerifier.create(keys.config().introspection("orders-api", "orders-api-secret").build());
      System.out.println("introspection without portcullis-client started");
    } catch (PortcullisConfigException e) {
      System.out.println("introspection without portcullis-client: " + e.getMessage());
    }
    // The test key server's executor threads are not daemons.
    System.exit(0);
  }
}
