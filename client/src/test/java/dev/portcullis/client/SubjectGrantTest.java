package dev.portcullis.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Token exchange and JWT bearer grants: what is sent, and tokens kept apart per subject. */
class SubjectGrantTest {
  @RegisterExtension
  final CheckingTokenEndpoint endpoint = new CheckingTokenEndpoint();

  private TokenClient client(UnaryOperator<OAuthClientSettings.Builder> customize) {
    return TokenClient.create(customize.apply(OAuthClientSettings.builder()
        .tokenEndpoint(endpoint.tokenUri().toString())
        .clientId("billing")
        .authentication(ClientAuthentication.clientSecretPost("secret"))
        .scopes("orders:read")
        .retry(1, Duration.ZERO)).build());
  }

  @Test
  void tokenExchangeSendsSubjectTokenTypeAndAudience() {
    client(builder -> builder.audiences("orders-api")
        .grant(Grant.tokenExchange(() -> "incoming-token", Grant.ACCESS_TOKEN_TYPE))).token();

    CheckingTokenEndpoint.Received request = endpoint.last();
    assertEquals("urn:ietf:params:oauth:grant-type:token-exchange", request.param("grant_type"));
    assertEquals("incoming-token", request.param("subject_token"));
    assertEquals(Grant.ACCESS_TOKEN_TYPE, request.param("subject_token_type"));
    assertEquals(List.of("orders-api"), request.form().get("audience"));
  }

  @Test
  void tokenExchangeNeverHandsOneSubjectsTokenToAnother() {
    AtomicReference<String> incoming =
        new AtomicReference<>("alice-token");
    TokenClient client = client(builder -> builder
        .grant(Grant.tokenExchange(incoming::get, Grant.ACCESS_TOKEN_TYPE)));

    AccessToken forAlice = client.token();
    incoming.set("bob-token");
    AccessToken forBob = client.token();
    incoming.set("alice-token");
    AccessToken forAliceAgain = client.token();

    assertEquals("token-1", forAlice.value());
    assertEquals("token-2", forBob.value());
    assertEquals("alice-token", endpoint.received().get(0).param("subject_token"));
    assertEquals("bob-token", endpoint.received().get(1).param("subject_token"));
    assertSame(forAlice, forAliceAgain);
    assertEquals(2, endpoint.requestCount());
  }

  @Test
  void jwtBearerAssertionsMintedPerCallShareOneTokenPerSubject() throws Exception {
    AtomicReference<String> subject =
        new AtomicReference<>("service-a");
    JWSSigner signer = new MACSigner(
        "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    TokenClient client = client(builder -> builder.grant(Grant.jwtBearer(() -> {
      try {
        SignedJWT jwt = new SignedJWT(
            new JWSHeader(JWSAlgorithm.HS256),
            new JWTClaimsSet.Builder().issuer("workload").subject(subject.get())
                .audience("https://as.example").jwtID(UUID.randomUUID().toString())
                .build());
        jwt.sign(signer);
        return jwt.serialize();
      } catch (JOSEException e) {
        throw new IllegalStateException(e);
      }
    })));

    AccessToken first = client.token();
    assertSame(first, client.token(), "a fresh assertion for the same subject hits the cache");
    subject.set("service-b");
    AccessToken other = client.token();

    assertEquals("token-2", other.value());
    assertEquals(2, endpoint.requestCount());
    assertEquals("urn:ietf:params:oauth:grant-type:jwt-bearer",
        endpoint.last().param("grant_type"));
    assertEquals("service-b", SignedJWT.parse(endpoint.last().param("assertion"))
        .getJWTClaimsSet().getSubject());
  }
  @Test
  void tokenExchangeForCallerOutsideARequestFailsWithoutARequestAndSaysWhere() {
    TokenClient client = client(builder -> builder.grant(Grant.tokenExchangeForCaller()));

    TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class, client::token);

    assertTrue(e.getMessage().contains("must be called while serving a request to a method Portcullis"
        + " protects, on the thread that serves it"), e.getMessage());
    assertTrue(e.getMessage().contains("Grant.tokenExchange("), e.getMessage());
    assertEquals(0, endpoint.requestCount());
  }

  @Test
  void jwtBearerAssertionSignedByAClientKeyIsNewForEachTokenRequest() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair pair = generator.generateKeyPair();
    JwtBearerAssertion assertion = JwtBearerAssertion.signedBy(ClientKey.of(pair.getPrivate(), "k9"),
        "billing", "alice", "https://as.example/token");
    TokenClient client = client(builder -> builder.grant(Grant.jwtBearer(assertion)));

    AccessToken first = client.token();
    assertSame(first, client.token(), "the cached token needs no new assertion");
    AccessToken renewed = client.newToken();

    assertEquals(2, endpoint.requestCount());
    SignedJWT sent = SignedJWT.parse(endpoint.received().get(0).param("assertion"));
    SignedJWT sentAgain = SignedJWT.parse(endpoint.last().param("assertion"));
    assertTrue(sent.verify(new ECDSAVerifier((ECPublicKey) pair.getPublic())));
    assertEquals("k9", sent.getHeader().getKeyID());
    assertEquals(JWSAlgorithm.ES256, sent.getHeader().getAlgorithm());
    assertNotEquals(sent.getJWTClaimsSet().getJWTID(), sentAgain.getJWTClaimsSet().getJWTID());
    assertEquals("token-2", renewed.value());
  }
}
