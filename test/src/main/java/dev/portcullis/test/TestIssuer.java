package dev.portcullis.test;

import dev.portcullis.PortcullisConfig;
import java.net.URI;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An authorization server for tests, in the test's own JVM: a key pair in memory, OpenID
 * Connect discovery and the JWKS on an ephemeral port of 127.0.0.1, and tokens signed on the
 * spot with whatever scopes, claims, audience, lifetime and header the test needs. The
 * application under test trusts it the way it trusts a real identity provider, through its
 * issuer URL, so the whole token check runs: discovery, key fetch, signature, claims.
 *
 * <pre>{@code
 * class OrdersApiTest {
 *   @RegisterExtension
 *   static final TestIssuer issuer = TestIssuer.create("orders-api");
 *
 *   static HttpServer server;
 *
 *   @BeforeAll
 *   static void start() {
 *     server = JdkHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"),
 *         new ResourceConfig(OrdersResource.class).register(new PortcullisFeature(issuer.config())));
 *   }
 *
 *   @Test
 *   void readerListsOrders() {
 *     String token = issuer.token().scopes("orders:read").sign();
 *     // GET /orders with "Authorization: Bearer " + token answers 200
 *   }
 * }
 * }</pre>
 *
 * <p>The server starts on first use (the first call to {@link #issuer()}, {@link #config()},
 * {@link #token()} ...) and stops on {@link #close()}. Registered as a JUnit 5 extension it is
 * closed for you: after all tests of the class when the field is {@code static}, after each test
 * otherwise. A closed issuer cannot be used again: its URL and keys are gone.
 *
 * <p>Each issuer has its own keys and port; they are never written to disk. Only what a
 * resource server needs is served: {@code /.well-known/openid-configuration}, {@code
 * /.well-known/oauth-authorization-server} (RFC 8414) and {@code /jwks}. It has no token
 * endpoint and must never be trusted by anything but a test.
 *
 * <p>Thread-safe.
 */
public final class TestIssuer
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback, AutoCloseable {

  /** How the issuer signs its tokens. */
  public enum Algorithm {
    /** RSASSA-PKCS1-v1_5 with SHA-256 and a 2048-bit RSA key, what most identity providers use. */
    RS256,
    /** ECDSA with P-256 and SHA-256. */
    ES256
  }

  private final String audience;
  private final IssuerKeys keys;
  private IssuerEndpoints endpoints;
  private boolean closed;
  /** The extension context that opened the issuer and therefore closes it. */
  private String owner;

  private TestIssuer(String audience, IssuerKeys keys) {
    this.audience = audience;
    this.keys = keys;
  }

  /**
   * An issuer that signs with RS256 and mints tokens for {@code audience}.
   *
   * @param audience the {@code aud} of its tokens and of {@link #config()}, for example {@code
   *     orders-api}
   */
  public static TestIssuer create(String audience) {
    return create(audience, Algorithm.RS256);
  }

  /** An issuer that signs with {@code algorithm} and mints tokens for {@code audience}. */
  public static TestIssuer create(String audience, Algorithm algorithm) {
    Objects.requireNonNull(audience, "audience");
    if (audience.isBlank()) {
      throw new IllegalArgumentException("The audience of a test issuer must not be blank; use the value"
          + " the application under test requires, for example orders-api.");
    }
    return new TestIssuer(audience, IssuerKeys.generate(Objects.requireNonNull(algorithm, "algorithm")));
  }

  /** The issuer URL, {@code http://127.0.0.1:<port>}: tokens' {@code iss}, and where discovery starts. */
  public String issuer() {
    return endpoints().issuer();
  }

  /** The JWKS URL, for an application configured with {@code jwks-uri} instead of discovery. */
  public URI jwksUri() {
    return endpoints().jwksUri();
  }

  /** The audience of its tokens unless a token says otherwise. */
  public String audience() {
    return audience;
  }

  /** The JWS algorithm of its tokens: {@code RS256} or {@code ES256}. */
  public String algorithm() {
    return keys.algorithm();
  }

  /**
   * A configuration that trusts this issuer for {@link #audience()}: one line for the
   * application under test, {@code new PortcullisFeature(issuer.config())}.
   */
  public PortcullisConfig config() {
    return configBuilder().build();
  }

  /**
   * A configuration builder with this issuer and {@link #audience()} set, for an application
   * that needs more settings. Like {@link PortcullisConfig#builder()}, it takes values from code
   * only: the {@code PORTCULLIS_*} variables of the machine running the tests change nothing.
   */
  public PortcullisConfig.Builder configBuilder() {
    return PortcullisConfig.builder().issuer(issuer()).audience(audience);
  }

  /** A new valid token to adjust and {@link TokenBuilder#sign() sign}; see {@link TokenBuilder}. */
  public TokenBuilder token() {
    return new TokenBuilder(keys, issuer(), audience);
  }

  /** Stops serving; the port is released. Closing twice does nothing. */
  @Override
  public synchronized void close() {
    closed = true;
    if (endpoints != null) {
      endpoints.close();
      endpoints = null;
    }
  }

  private synchronized IssuerEndpoints endpoints() {
    if (closed) {
      throw new IllegalStateException("This test issuer is closed: its port and keys are gone. Create a new"
          + " one, or register it as a static field to keep it for every test of the class.");
    }
    if (endpoints == null) {
      endpoints = IssuerEndpoints.start(keys);
    }
    return endpoints;
  }

  /** Registered on a static field: this class's context owns the issuer. */
  @Override
  public void beforeAll(ExtensionContext context) {
    claim(context);
  }

  /** Registered on an instance field, there was no {@code beforeAll}: the test's context owns it. */
  @Override
  public void beforeEach(ExtensionContext context) {
    claim(context);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    closeIfOwnedBy(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    closeIfOwnedBy(context);
  }

  private synchronized void claim(ExtensionContext context) {
    if (owner == null) {
      owner = context.getUniqueId();
    }
  }

  private synchronized void closeIfOwnedBy(ExtensionContext context) {
    if (context.getUniqueId().equals(owner)) {
      close();
    }
  }
}
