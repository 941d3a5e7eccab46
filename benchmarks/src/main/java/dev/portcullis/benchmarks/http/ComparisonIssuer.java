package dev.portcullis.benchmarks.http;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.portcullis.benchmarks.TokenFixture;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The issuer that the Portcullis sample, the Spring Boot and the Quarkus servers of {@code
 * benchmarks/compare/run.sh} all trust: an OIDC discovery document and a JWKS with one RS256
 * (RSA-2048) and one ES256 (P-256) key, at {@code http://127.0.0.1:PORT/realms/shop}, the
 * path Keycloak would use. Every server finds the keys as in production, through discovery.
 *
 * <p>It writes the tokens the load generator sends, shaped like Keycloak access tokens (see
 * {@link TokenFixture}; {@code aud} holds {@code orders-api}, {@code scope} holds {@code
 * orders:read} and {@code orders:write}, two hours of life):
 *
 * <ul>
 *   <li>{@code rs256-repeat.txt}, {@code es256-repeat.txt}: one token each;
 *   <li>{@code rs256-distinct.txt}, {@code es256-distinct.txt}: {@code COUNT} distinct tokens each;
 *   <li>{@code checks/*.txt}: one token each that a server must refuse or accept, so that the
 *       script can show that every server checks the same things before measuring them;
 * </ul>
 *
 * <p>{@code GET /probes/<name>} mints, at the time of the request, a token on which servers may
 * differ by design (clock skew, missing claims), whose answers the script only reports: {@code
 * expired-30s-ago}, {@code not-before-in-5-min}, {@code no-exp}, {@code no-aud}. They are minted
 * on request because the first only means something for the next few seconds.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.portcullis.benchmarks.http.ComparisonIssuer PORT
 * TOKEN_DIR [COUNT]}. Prints {@code READY <issuer>} when it serves, and one line for every
 * discovery or key set request, so that a key fetch during a measurement would show.
 */
public final class ComparisonIssuer {
  private ComparisonIssuer() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("Usage: ComparisonIssuer PORT TOKEN_DIR [COUNT]");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    Path dir = Path.of(args[1]);
    int count = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
    String issuer = "http://127.0.0.1:" + port + "/realms/shop";

    TokenFixture rs256 = TokenFixture.create("RS256", issuer);
    TokenFixture es256 = TokenFixture.create("ES256", issuer);
    JWKSet keys = new JWKSet(List.<JWK>of(rs256.publicKey(), es256.publicKey()));
    String jwksUri = issuer + "/protocol/openid-connect/certs";
    String discovery = "{\"issuer\":\"" + issuer + "\","
        + "\"authorization_endpoint\":\"" + issuer + "/protocol/openid-connect/auth\","
        + "\"token_endpoint\":\"" + issuer + "/protocol/openid-connect/token\","
        + "\"jwks_uri\":\"" + jwksUri + "\","
        + "\"response_types_supported\":[\"code\"],"
        + "\"subject_types_supported\":[\"public\"],"
        + "\"id_token_signing_alg_values_supported\":[\"RS256\",\"ES256\"]}";

    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    AtomicInteger served = new AtomicInteger();
    server.createContext("/realms/shop/.well-known/openid-configuration",
        exchange -> answer(exchange, discovery, served));
    server.createContext("/realms/shop/protocol/openid-connect/certs",
        exchange -> answer(exchange, keys.toString(), served));
    server.createContext("/probes/", exchange -> probe(exchange, rs256));
    server.start();

    writeTokens(dir, count, rs256, es256, issuer);
    System.out.println("READY " + issuer);
  }

  private static void answer(HttpExchange exchange, String json, AtomicInteger served) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
    System.out.println(Instant.now() + " served " + exchange.getRequestURI().getPath() + " (request "
        + served.incrementAndGet() + ", from " + exchange.getRequestHeaders().getFirst("User-Agent") + ")");
  }

  private static void writeTokens(Path dir, int count, TokenFixture rs256, TokenFixture es256, String issuer)
      throws IOException {
    long life = 7200;
    Files.createDirectories(dir.resolve("checks"));
    Files.writeString(dir.resolve("rs256-repeat.txt"), rs256.token(life) + "\n");
    Files.writeString(dir.resolve("es256-repeat.txt"), es256.token(life) + "\n");
    Files.write(dir.resolve("rs256-distinct.txt"), distinct(rs256, count, life));
    Files.write(dir.resolve("es256-distinct.txt"), distinct(es256, count, life));

    Instant now = Instant.now();
    check(dir, "valid-rs256", rs256.token(life));
    check(dir, "valid-es256", es256.token(life));
    // The sample's catalogue: orders:write implies orders:read.
    check(dir, "write-scope-only", rs256.token(life, c -> c.claim("scope", "orders:write")));
    check(dir, "no-orders-scope", rs256.token(life, c -> c.claim("scope", "openid profile email invoices:read")));
    check(dir, "wrong-audience", rs256.token(life, c -> c.audience(List.of("invoices-api", "account"))));
    check(dir, "other-issuer", rs256.token(life, c -> c.issuer("https://idp.example.com/realms/shop")));
    // Ten minutes past its expiry, well beyond any server's clock skew allowance.
    check(dir, "expired", rs256.token(life, c -> c.issueTime(Date.from(now.minusSeconds(4200)))
        .expirationTime(Date.from(now.minusSeconds(600)))));
    check(dir, "tampered", TokenFixture.tampered(rs256.token(life)));
    check(dir, "unknown-key", TokenFixture.create("RS256", issuer).token(life));
  }

  private static void probe(HttpExchange exchange, TokenFixture rs256) throws IOException {
    String name = exchange.getRequestURI().getPath().substring("/probes/".length());
    Instant now = Instant.now();
    long life = 7200;
    String token = switch (name) {
      case "expired-30s-ago" -> rs256.token(life, c -> c.issueTime(Date.from(now.minusSeconds(3630)))
          .expirationTime(Date.from(now.minusSeconds(30))));
      case "not-before-in-5-min" -> rs256.token(life, c -> c.notBeforeTime(Date.from(now.plusSeconds(300))));
      case "no-exp" -> rs256.token(life, c -> c.expirationTime(null));
      case "no-aud" -> rs256.token(life, c -> c.audience((String) null));
      default -> null;
    };
    byte[] body = (token != null ? token : "unknown probe " + name).getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(token != null ? 200 : 404, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private static List<String> distinct(TokenFixture fixture, int count, long life) {
    return IntStream.range(0, count).parallel().mapToObj(i -> fixture.token(life)).collect(Collectors.toList());
  }

  private static void check(Path dir, String name, String token) throws IOException {
    Files.writeString(dir.resolve("checks").resolve(name + ".txt"), token + "\n");
  }
}
