package dev.portcullis.benchmarks.http;

import com.sun.net.httpserver.HttpServer;
import dev.portcullis.PortcullisConfig;
import dev.portcullis.PortcullisFeature;
import dev.portcullis.benchmarks.JwksServer;
import dev.portcullis.benchmarks.TokenFixture;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The server {@code wrk} measures: {@code GET /open} and {@code GET /protected} doing the same
 * work, the second behind Portcullis. On loopback only. It publishes its own JWKS on a second
 * loopback port (fetched by Portcullis as in production) and writes the tokens the load
 * generator sends:
 *
 * <ul>
 *   <li>{@code repeat.txt}: one valid token, sent again and again;
 *   <li>{@code distinct.txt}: 10,000 distinct valid tokens;
 *   <li>{@code invalid.txt}: 100 tokens with a valid shape and a wrong signature.
 * </ul>
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.portcullis.benchmarks.http.HttpBenchmarkServer
 * PORT TOKEN_DIR [grizzly|jdk] [TOKEN_CACHE_SIZE]}. Prints {@code READY} when it serves.
 */
public final class HttpBenchmarkServer {
  private HttpBenchmarkServer() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("Usage: HttpBenchmarkServer PORT TOKEN_DIR [grizzly|jdk] [TOKEN_CACHE_SIZE]");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    Path tokenDir = Path.of(args[1]);
    String container = args.length > 2 ? args[2] : "grizzly";
    int cacheSize = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;

    TokenFixture issuer = TokenFixture.create("RS256");
    // Served for as long as this process runs.
    URI jwks = new JwksServer(issuer.publicKeySet()).uri();
    writeTokens(issuer, tokenDir);

    PortcullisConfig config = PortcullisConfig.builder()
        .issuer(TokenFixture.ISSUER)
        .jwksUri(jwks)
        .audience(TokenFixture.AUDIENCE)
        .tokenCacheSize(cacheSize)
        .build();
    ResourceConfig app = new ResourceConfig(OpenResource.class, ProtectedResource.class)
        .register(new PortcullisFeature(config));
    URI base = URI.create("http://127.0.0.1:" + port + "/");
    if (container.equals("jdk")) {
      HttpServer server = JdkHttpServerFactory.createHttpServer(base, app, false);
      server.setExecutor(Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors() * 4));
      server.start();
    } else {
      GrizzlyHttpServerFactory.createHttpServer(base, app);
    }
    System.out.println("READY " + container + " on " + base + " (token cache " + cacheSize + ")");
  }

  private static void writeTokens(TokenFixture issuer, Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("repeat.txt"), issuer.token(7200) + "\n");
    List<String> distinct = IntStream.range(0, 10_000).parallel().mapToObj(i -> issuer.token(7200))
        .collect(Collectors.toList());
    Files.write(dir.resolve("distinct.txt"), distinct);
    List<String> invalid = distinct.stream().limit(100).map(TokenFixture::tampered).collect(Collectors.toList());
    Files.write(dir.resolve("invalid.txt"), invalid);
  }
}
