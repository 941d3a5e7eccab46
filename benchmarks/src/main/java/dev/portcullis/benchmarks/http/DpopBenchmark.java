package dev.portcullis.benchmarks.http;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.PortcullisConfig;
import dev.portcullis.PortcullisFeature;
import dev.portcullis.benchmarks.JwksServer;
import dev.portcullis.benchmarks.TokenFixture;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A request with a DPoP-bound token and its proof beside the same request with a bearer token,
 * both tokens in the token cache, over loopback HTTP to Jersey with {@code dpop=allowed}. The
 * difference should be one proof verification (a JWT parse, one ES256 signature check, a
 * SHA-256 of the token and the replay look-up) and no more. Each DPoP request needs a fresh
 * proof, signed before the invocation and not measured; the setup checks that both requests
 * are answered 200. {@link #proofSignatureOnly()} measures, in the same run, a JWT parse and one
 * ES256 signature check of the same kind of proof without HTTP: the least one proof verification
 * costs.
 *
 * <p>The warm-up is long on purpose: the server verifies some 500 proofs a second, and the JIT
 * takes about a minute of that to finish compiling the P-256 arithmetic on its threads (with
 * ten seconds of warm-up, the DPoP request still fell from 2.4 to 1.7 ms during the
 * measurement), where {@link #proofSignatureOnly()}'s tight loop is warm in seconds.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 20, time = 3)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class DpopBenchmark {
  private JwksServer keys;
  private HttpServer server;
  private HttpClient client;
  private URI protectedUri;
  private ECKey clientKey;
  private String bearerToken;
  private String dpopToken;
  private String ath;
  private String proof;
  private TokenFixture issuer;
  private String firstSeenToken;
  private ECDSAVerifier proofVerifier;

  @Setup(Level.Trial)
  public void start() throws Exception {
    // ES256 tokens, so that a first-seen token costs one signature check of the proof's kind.
    issuer = TokenFixture.create("ES256");
    keys = new JwksServer(issuer.publicKeySet());
    PortcullisConfig config = PortcullisConfig.builder()
        .issuer(TokenFixture.ISSUER)
        .jwksUri(keys.uri())
        .audience(TokenFixture.AUDIENCE)
        .dpop(PortcullisConfig.DpopPolicy.ALLOWED)
        .build();
    URI base = URI.create("http://127.0.0.1:" + freePort() + "/");
    // Grizzly, as the sample serves: the JDK's HTTP server with the JDK's client waits about 40 ms
    // per response for a delayed ACK, which would hide the difference measured here.
    server = GrizzlyHttpServerFactory.createHttpServer(base,
        new ResourceConfig(ProtectedResource.class).register(new PortcullisFeature(config)), true);
    protectedUri = base.resolve("protected");
    client = HttpClient.newHttpClient();
    clientKey = new ECKeyGenerator(Curve.P_256).generate();
    String jkt = clientKey.computeThumbprint().toString();
    bearerToken = issuer.token(7200);
    dpopToken = issuer.token(7200, b -> b.claim("cnf", Map.of("jkt", jkt)));
    ath = Base64URL.encode(sha256(dpopToken)).toString();
    proofVerifier = new ECDSAVerifier(clientKey.toECPublicKey());
    for (int i = 0; i < 2; i++) { // the second of each is answered from the token cache
      nextProof();
      if (bearerRequest() != 200 || dpopRequest() != 200 || firstSeenBearerRequest() != 200) {
        throw new IllegalStateException("The protected resource did not answer 200 to every request.");
      }
    }
  }

  @Setup(Level.Invocation)
  public void nextProof() throws JOSEException {
    JWTClaimsSet claims = new JWTClaimsSet.Builder().jwtID(UUID.randomUUID().toString()).claim("htm", "GET")
        .claim("htu", protectedUri.toString()).issueTime(new Date()).claim("ath", ath).build();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("dpop+jwt"))
        .jwk(clientKey.toPublicJWK()).build(), claims);
    jwt.sign(new ECDSASigner(clientKey));
    proof = jwt.serialize();
    firstSeenToken = issuer.token(7200);
  }

  @TearDown(Level.Trial)
  public void stop() {
    server.shutdownNow();
    keys.close();
  }

  @Benchmark
  public int bearerRequest() throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(protectedUri).header("Authorization", "Bearer " + bearerToken).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /**
   * A control: the bearer request carrying the DPoP request's extra bytes, a header as long as
   * the proof and an {@code Authorization} value as long as the DPoP-bound token, which no one
   * checks. Its difference to {@link #bearerRequest()} is what the bigger request costs alone.
   */
  @Benchmark
  public int bearerRequestAsLarge() throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(protectedUri).header("Authorization", "Bearer " + bearerToken)
        .header("X-Padding", proof).header("X-Padding-Token", dpopToken).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /**
   * A control: a bearer request whose token (ES256, signed before the invocation) the server has
   * not seen, so it verifies it in full: a JWT parse, one ES256 signature check and the claims,
   * on the server's own threads. Its difference to {@link #bearerRequest()} is one signature
   * verification as the server does it, the figure a DPoP request's extra cost is held to.
   */
  @Benchmark
  public int firstSeenBearerRequest() throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(protectedUri).header("Authorization", "Bearer " + firstSeenToken)
        .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Benchmark
  public int dpopRequest() throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(protectedUri).header("Authorization", "DPoP " + dpopToken)
        .header("DPoP", proof).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /**
   * For scale, in the same run: what one proof verification costs at the least, a JWT parse and
   * one ES256 signature check with a verifier made beforehand, no HTTP.
   */
  @Benchmark
  public boolean proofSignatureOnly() throws ParseException, JOSEException {
    return SignedJWT.parse(proof).verify(proofVerifier);
  }

  private static int freePort() throws IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static byte[] sha256(String text) throws NoSuchAlgorithmException {
    return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
  }
}
