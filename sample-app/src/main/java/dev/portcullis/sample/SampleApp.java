package dev.portcullis.sample;

import dev.portcullis.PortcullisConfig;
import dev.portcullis.PortcullisFeature;
import dev.portcullis.sample.http.ApiServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The Portcullis sample: an Orders API on Jersey, protected by {@code @RequiresScope}.
 *
 * <p>{@code java -jar portcullis-sample-app.jar} serves on 127.0.0.1:{@code PORT} (8080). With
 * no {@code PORTCULLIS_ISSUER} it starts an embedded development authorization server and
 * prints ready-to-paste curl commands; with one, it trusts that identity provider instead.
 */
public final class SampleApp implements AutoCloseable {

  static final String DEFAULT_AUDIENCE = "orders-api";
  static final int DEFAULT_PORT = 8080;

  private final ApiServer server;
  private final DevAuthorizationServer devServer;
  private final URI baseUri;
  private final String issuer;
  private final String audience;
  private final PortcullisConfig.DpopPolicy dpop;

  private SampleApp(ApiServer server, DevAuthorizationServer devServer, URI baseUri, String issuer, String audience,
      PortcullisConfig.DpopPolicy dpop) {
    this.dpop = dpop;
    this.server = server;
    this.devServer = devServer;
    this.baseUri = baseUri;
    this.issuer = issuer;
    this.audience = audience;
  }

  /** Runs the sample until the process is stopped. */
  public static void main(String[] args) throws InterruptedException {
    if (args.length > 0 && args[0].equals("token")) {
      System.exit(TokenCommand.run(List.of(args).subList(1, args.length), System.getenv(), System.out, System.err));
    }
    if (args.length == 1 && args[0].equals("demo")) {
      try {
        new Demo(System.out).run();
      } catch (RuntimeException e) {
        System.err.println("The demo failed: " + e);
        System.exit(1);
      }
      System.exit(0);
    }
    if (args.length == 2 && args[0].equals("demo") && args[1].equals("--dpop")) {
      try {
        new DpopDemo(System.out, System.getenv()).run();
      } catch (RuntimeException e) {
        System.err.println("The demo failed: " + e);
        System.exit(1);
      }
      System.exit(0);
    }
    if (args.length > 1 || (args.length == 1 && !args[0].equals("serve"))) {
      System.err.println("Usage: java -jar portcullis-sample-app.jar [serve|demo [--dpop]]");
      System.err.println("       " + TokenCommand.USAGE);
      System.err.println("Settings: PORT (8080), PORTCULLIS_ISSUER (embedded development server when unset),");
      System.err.println("PORTCULLIS_AUDIENCE (orders-api) and every other portcullis.* key; see docs/configuration.md.");
      System.exit(2);
    }
    SampleApp app;
    try {
      app = start(System.getenv(), System.getProperties());
    } catch (RuntimeException e) {
      System.err.println("The sample app did not start: " + e.getMessage());
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(app::close, "portcullis-sample-shutdown"));
    app.printWelcome(System.out);
    new CountDownLatch(1).await();
  }

  /**
   * Starts the sample with the given environment and system properties.
   *
   * @throws IllegalStateException when the configuration is wrong or a port is taken
   */
  static SampleApp start(Map<String, String> env, java.util.Properties properties) {
    return start(env, properties, DevAuthorizationServer.DEFAULT_LIFETIME_SECONDS);
  }

  /**
   * Like {@link #start(Map, java.util.Properties)}; an embedded development server issues tokens
   * that expire after {@code devTokenLifetimeSeconds}.
   */
  static SampleApp start(
      Map<String, String> env, java.util.Properties properties, long devTokenLifetimeSeconds) {
    int requested = port(env.get("PORT"));
    // Chosen before the server starts: the RFC 9728 metadata names this URL, never a request's Host.
    int port = requested == 0 ? freePort() : requested;
    URI baseUri = URI.create("http://127.0.0.1:" + port + "/");
    String audience = firstNonBlank(properties.getProperty("portcullis.audience"), env.get("PORTCULLIS_AUDIENCE"), DEFAULT_AUDIENCE);
    String configuredIssuer = firstNonBlank(properties.getProperty("portcullis.issuer"), env.get("PORTCULLIS_ISSUER"), null);
    String configuredIssuers =
        firstNonBlank(properties.getProperty("portcullis.issuers"), env.get("PORTCULLIS_ISSUERS"), null);

    DevAuthorizationServer devServer = null;
    PortcullisConfig.Builder config = PortcullisConfig.builder(properties::getProperty, env).audience(audience);
    if (properties.getProperty("portcullis.resource-name") == null && env.get("PORTCULLIS_RESOURCE_NAME") == null) {
      config.resourceName("Portcullis sample Orders API");
    }
    if (properties.getProperty("portcullis.resource") == null && env.get("PORTCULLIS_RESOURCE") == null) {
      config.resource(URI.create("http://127.0.0.1:" + port));
    }
    String issuer = configuredIssuer;
    if (configuredIssuers != null) {
      issuer = configuredIssuers; // read by the builder, like every other setting
    } else {
      if (configuredIssuer == null) {
        devServer = DevAuthorizationServer.start(requested == 0 ? 0 : port + 1, audience, devTokenLifetimeSeconds);
        issuer = devServer.issuer();
      }
      // Given in code, as the audience is: the issuer start() was given, not only the process's own.
      config.issuer(issuer);
    }
    try {
      PortcullisConfig built = config.build();
      ResourceConfig resources = new ResourceConfig()
          .property(ServerProperties.WADL_FEATURE_DISABLE, true)
          .register(OrdersResource.class)
          .register(MeResource.class)
          .register(HealthResource.class)
          .register(JacksonFeature.class)
          .register(new PortcullisFeature(built));
      ApiServer server = ApiServer.start(baseUri, resources, ApiServer.Limits.DEFAULT);
      URI actual = URI.create("http://127.0.0.1:" + server.port());
      return new SampleApp(server, devServer, actual, issuer, audience, built.dpop());
    } catch (RuntimeException e) {
      if (devServer != null) {
        devServer.close();
      }
      throw e;
    }
  }

  URI baseUri() {
    return baseUri;
  }

  String issuer() {
    return issuer;
  }

  /**
   * The embedded server's token endpoint of DPoP-bound tokens, or {@code null} when an external
   * issuer is used.
   */
  String devDpopTokenEndpoint() {
    return devServer == null ? null : devServer.dpopTokenEndpoint();
  }

  /** The embedded server's token endpoint, or {@code null} when an external issuer is used. */
  String devTokenEndpoint() {
    return devServer == null ? null : devServer.tokenEndpoint();
  }

  @Override
  public void close() {
    server.close();
    if (devServer != null) {
      devServer.close();
    }
  }

  void printWelcome(PrintStream out) {
    new Welcome(baseUri.toString(), issuer, audience, devTokenEndpoint(), dpop).print(out);
  }

  private static int freePort() {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port on 127.0.0.1: " + e.getMessage(), e);
    }
  }

  static int port(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_PORT;
    }
    try {
      int port = Integer.parseInt(value.trim());
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalStateException("PORT is \"" + value + "\", which is not a port number; use a number from 0 to 65535 (0 picks a free port).");
  }

  private static String firstNonBlank(String a, String b, String fallback) {
    if (a != null && !a.isBlank()) {
      return a.trim();
    }
    if (b != null && !b.isBlank()) {
      return b.trim();
    }
    return fallback;
  }
}
