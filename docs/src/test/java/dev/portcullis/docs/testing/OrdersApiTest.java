package dev.portcullis.docs.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.portcullis.PortcullisConfig.DpopPolicy;
import dev.portcullis.PortcullisFeature;
import dev.portcullis.ScopeManifest;
import dev.portcullis.client.DpopKey;
import dev.portcullis.test.SecurityConformance;
import dev.portcullis.test.TestIssuer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The examples of docs/testing.md in one test class. The docs module compiles it but does not
 * run it (see its pom.xml): its class path holds the manifests of every example, not only of
 * the application this class serves.
 */
// tag::setup[]
class OrdersApiTest {
  @RegisterExtension
  static final TestIssuer issuer = TestIssuer.create("orders-api");

  static HttpServer server;
  static URI baseUri;

  @BeforeAll
  static void start() {
    ResourceConfig app = new ResourceConfig(OrdersResource.class)
        .register(new PortcullisFeature(issuer.config()));
    server = JdkHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), app);
    baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }
// end::setup[]

  @Test
  void tokens() {
    // tag::tokens[]
    String reader  = issuer.token().scopes("orders:read").sign();
    String alice   = issuer.token().scopes("orders:read", "orders:write").subject("alice").acr("mfa").sign();
    String service = issuer.token().clientId("billing-service").subject("billing-service").sign();
    String roles   = issuer.token().claim("roles", List.of("admin")).claim("scp", List.of("orders:read")).sign();

    String expired = issuer.token().scopes("orders:read").expired().sign();                 // 401 The token has expired.
    String early   = issuer.token().notBefore(Instant.now().plus(Duration.ofHours(2))).sign();   // 401 not valid yet
    String other   = issuer.token().scopes("orders:read").audience("billing-api").sign();   // 401 audience mismatch
    String foreign = issuer.token().issuer("https://idp.example.com").sign();               // 401 issuer
    String idToken = issuer.token().type("id+jwt").sign();                                  // 401 typ not accepted
    String forged  = issuer.token().scopes("orders:admin").forged().sign();                 // 401 signature invalid
    // end::tokens[]
    assertTrue(Stream.of(reader, alice, service, roles, expired, early, other, foreign, idToken, forged)
        .allMatch(token -> token.split("\\.").length == 3));
  }

  @Test
  void dpopTokens() throws Exception {
    // tag::dpop[]
    DpopKey key = DpopKey.generate();                                       // from portcullis-client
    String token = issuer.token().scopes("orders:read").boundTo(key).sign();  // cnf.jkt: the key's thumbprint
    URI orders = baseUri.resolve("orders");
    HttpRequest request = HttpRequest.newBuilder(orders)
        .header("Authorization", "DPoP " + token)
        .header("DPoP", key.proof("GET", orders, token))                   // a fresh proof for each request
        .build();
    // end::dpop[]
    assertTrue(request.headers().firstValue("DPoP").isPresent());
  }

  // tag::check[]
  @Test
  void everyEndpointIsProtectedAsDeclared() {
    SecurityConformance.check(baseUri, issuer);
  }
  // end::check[]

  @Test
  void withOptions() {
    // tag::options[]
    SecurityConformance.of(baseUri, issuer)
        .resources(OrdersResource.class, StockResource.class)   // only these classes' endpoints
        .manifest(Path.of("target/classes"))                    // this directory or jar, not the class path
        .pathParameter("sku", "A-100")                          // {sku} in every path; default "1"
        .dpop(DpopPolicy.ALLOWED)                               // the application's portcullis.dpop; default OFF
        .check();
    // end::options[]
  }

  // tag::factory[]
  @TestFactory
  Stream<DynamicNode> everyEndpointIsProtectedAsDeclaredOneByOne() {
    return SecurityConformance.of(baseUri, issuer).tests();
  }
  // end::factory[]

  @Test
  void everyEndpointHasADecision() throws IOException {
    // tag::manifest[]
    for (ScopeManifest.Endpoint endpoint : ScopeManifest.read(Path.of("target/classes")).endpoints()) {
      assertTrue(endpoint.rule().isPresent(), endpoint + " has no Portcullis decision");
    }
    // end::manifest[]
  }
// tag::setup[]
}
// end::setup[]
