package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.portcullis.client.MutualTlsAuthorizationServer;
import dev.portcullis.client.TestCertificates;
import dev.portcullis.testing.CapturedLog;
import dev.portcullis.testapp.MeResource;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An identity provider whose HTTPS certificate a private CA signed, made here with its signing
 * key: its metadata and key set are served over HTTPS on loopback, and the API reaches them
 * only when {@code tls-trusted-certificates} names that CA. Without it, or with another CA, the
 * keys cannot be loaded, tokens are answered 503 and the warning says which setting to set.
 */
class PrivateCaIssuerTest {
  private static final String AUDIENCE = "orders-api";
  private static final String UNTRUSTED_HINT = "The server's TLS certificate could not be validated: if a private CA"
      + " signed it, set portcullis.tls-trusted-certificates (environment PORTCULLIS_TLS_TRUSTED_CERTIFICATES) to a"
      + " PEM file of that CA's certificate";
  private static final String UNTRUSTED_INTROSPECTION_HINT = "The server's TLS certificate could not be validated:"
      + " if a private CA signed it, set portcullis.tls-trusted-certificates (environment"
      + " PORTCULLIS_TLS_TRUSTED_CERTIFICATES) or portcullis.introspection-tls-trusted-certificates to a PEM file";
  private static final RSAKey SIGNING_KEY = KeyServer.generate("private-ca-key");
  private static final AtomicInteger METADATA_FETCHES = new AtomicInteger();
  private static HttpsServer server;
  private static String issuer;
  @TempDir
  static Path files;
  private static Path caFile;
  private static Path otherCaFile;

  private CapturedLog log;

  @BeforeAll
  static void start() throws Exception {
    TestCertificates.Identity authority = TestCertificates.authority("CN=Identity Provider Private CA");
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(
        TestCertificates.context(TestCertificates.server(authority))));
    issuer = "https://127.0.0.1:" + server.getAddress().getPort();
    server.createContext("/.well-known/openid-configuration", exchange -> {
      METADATA_FETCHES.incrementAndGet();
      KeyServer.send(exchange, "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/jwks\"}");
    });
    server.createContext("/jwks",
        exchange -> KeyServer.send(exchange, new JWKSet(SIGNING_KEY.toPublicJWK()).toString()));
    server.start();
    caFile = Files.writeString(files.resolve("private-ca.pem"), authority.pem());
    otherCaFile = Files.writeString(files.resolve("other-ca.pem"),
        TestCertificates.authority("CN=Some Other CA").pem());
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  @BeforeEach
  void captureWarnings() {
    log = new CapturedLog("dev.portcullis");
  }

  @AfterEach
  void stopCapturing() {
    log.close();
  }

  private static String token() throws Exception {
    Instant now = Instant.now();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(SIGNING_KEY.getKeyID())
        .type(new JOSEObjectType("at+jwt")).build(), new JWTClaimsSet.Builder().issuer(issuer).audience(AUDIENCE)
        .subject("alice").claim("scope", "orders:read").issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(600))).build());
    jwt.sign(new RSASSASigner(SIGNING_KEY));
    return jwt.serialize();
  }

  private static PortcullisConfig.Builder config() {
    return PortcullisConfig.builder().issuer(issuer).audience(AUDIENCE);
  }

  /** The newest warning about introspection, logged as the request was answered. */
  private String introspectionWarning() {
    SimpleFormatter formatter = new SimpleFormatter();
    List<String> warnings = log.records().stream().filter(record -> record.getLevel() == Level.WARNING)
        .map(formatter::formatMessage).filter(message -> message.contains("introspect")).toList();
    if (warnings.isEmpty()) {
      throw new AssertionError("No introspection warning was logged; logged: " + log.lines());
    }
    return warnings.get(warnings.size() - 1);
  }

  /** The key loading warning, once it has been logged (the first attempt runs in the background); at most 20 s. */
  private String keyLoadingWarning() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    SimpleFormatter formatter = new SimpleFormatter();
    while (System.nanoTime() < deadline) {
      for (LogRecord record : log.records()) {
        String message = formatter.formatMessage(record);
        if (record.getLevel() == Level.WARNING
            && message.startsWith("Portcullis could not load the issuer's signing keys")) {
          return message;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("No key loading warning was logged; logged: " + log.lines());
  }

  @Test
  void theKeysOfAnIssuerWithAPrivateCaLoadWhenTheSettingTrustsThatCa() throws Exception {
    try (TestApp app = TestApp.start(config().trustedCertificates(caFile).build(), MeResource.class)) {
      Answer answer = app.bearerOnceKeysLoaded("/me", token(), Duration.ofSeconds(20));
      assertEquals(200, answer.status(), answer::toString);
      assertTrue(answer.body().contains("issuer=" + issuer + "\n"), answer::toString);
    }
  }

  @Test
  void withoutTheSettingTheKeysCannotBeLoadedAndTheWarningNamesIt() throws Exception {
    try (TestApp app = TestApp.start(config().build(), MeResource.class)) {
      Answer answer = app.bearer("/me", token());
      assertEquals(503, answer.status(), answer::toString);
      assertTrue(answer.body().contains("keys are unavailable"), answer::toString);
      String warning = keyLoadingWarning();
      assertTrue(warning.contains(UNTRUSTED_HINT), warning);
    }
  }

  @Test
  void aFileOfAnotherCaDoesNotMakeTheIssuerTrusted() throws Exception {
    try (TestApp app = TestApp.start(config().trustedCertificates(otherCaFile).build(), MeResource.class)) {
      Answer answer = app.bearer("/me", token());
      assertEquals(503, answer.status(), answer::toString);
      String warning = keyLoadingWarning();
      assertTrue(warning.contains(UNTRUSTED_HINT), warning);
    }
  }

  @Test
  void aConfiguredJwksUriIsFetchedOverTheSameTrust() throws Exception {
    int discoveries = METADATA_FETCHES.get();
    try (TestApp app = TestApp.start(config().jwksUri(URI.create(issuer + "/jwks")).trustedCertificates(caFile)
        .build(), MeResource.class)) {
      Answer answer = app.bearerOnceKeysLoaded("/me", token(), Duration.ofSeconds(20));
      assertEquals(200, answer.status(), answer::toString);
    }
    assertEquals(discoveries, METADATA_FETCHES.get(), "no discovery with a configured JWKS URL");
  }

  @Test
  void introspectionAndItsDiscoveryTrustTheSettingWhenIntrospectionHasNoAuthoritiesOfItsOwn() throws Exception {
    TestCertificates.Identity authority = TestCertificates.authority("CN=Authorization Server Private CA");
    Path authorityFile = Files.writeString(files.resolve("authorization-server-ca.pem"), authority.pem());
    try (MutualTlsAuthorizationServer authorizationServer = new MutualTlsAuthorizationServer(authority,
        TestCertificates.selfSigned("CN=unused").certificate())) {
      // The issuer's metadata, which names the introspection endpoint, is itself served over HTTPS.
      PortcullisConfig.Builder config = PortcullisConfig.builder().issuer(authorizationServer.httpsIssuer().toString())
          .audience(MutualTlsAuthorizationServer.AUDIENCE).introspectAllTokens(true)
          .introspectionCacheTtl(Duration.ZERO)
          .introspection(MutualTlsAuthorizationServer.SECRET_CLIENT, MutualTlsAuthorizationServer.SECRET);
      try (TestApp app = TestApp.start(config.build(), MeResource.class)) {
        Answer answer = app.bearer("/me", MutualTlsAuthorizationServer.OPAQUE_TOKEN);
        assertEquals(503, answer.status(), "the JDK's authorities do not know the CA: " + answer);
        assertTrue(introspectionWarning().contains(UNTRUSTED_INTROSPECTION_HINT),
            () -> String.join("\n", log.lines()));
      }
      // An endpoint that is configured, not discovered: the call itself fails on the certificate.
      try (TestApp app = TestApp.start(config.introspectionEndpoint(authorizationServer.mtlsIntrospectionEndpoint())
          .build(), MeResource.class)) {
        Answer answer = app.bearer("/me", MutualTlsAuthorizationServer.OPAQUE_TOKEN);
        assertEquals(503, answer.status(), answer::toString);
        assertTrue(introspectionWarning().contains(UNTRUSTED_INTROSPECTION_HINT),
            () -> String.join("\n", log.lines()));
      }
      try (TestApp app = TestApp.start(config.trustedCertificates(authorityFile).build(), MeResource.class)) {
        Answer answer = app.bearer("/me", MutualTlsAuthorizationServer.OPAQUE_TOKEN);
        assertEquals(200, answer.status(), answer::toString);
        assertTrue(answer.body().contains("subject=" + MutualTlsAuthorizationServer.SUBJECT + "\n"),
            answer::toString);
        List<MutualTlsAuthorizationServer.Received> received = authorizationServer.received();
        assertEquals("/introspect", received.get(received.size() - 1).path());
      }
    }
  }
}
