package dev.portcullis.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What each client authentication method puts on the wire, as a token endpoint sees it. */
class ClientAuthenticationOnTheWireTest {
  private static final String JWT_ASSERTION_TYPE =
      "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
  @RegisterExtension
  final CheckingTokenEndpoint endpoint = new CheckingTokenEndpoint();

  private TokenClient client(String clientId, ClientAuthentication authentication) {
    return TokenClient.create(OAuthClientSettings.builder()
        .tokenEndpoint(endpoint.tokenUri().toString())
        .clientId(clientId)
        .authentication(authentication)
        .build());
  }

  @Test
  void clientSecretBasicFormUrlEncodesIdAndSecretBeforeBase64() {
    client("my client:1", ClientAuthentication.clientSecretBasic("a:b%c+d é")).token();

    CheckingTokenEndpoint.Received request = endpoint.last();
    // RFC 6749 2.3.1: application/x-www-form-urlencoded, then "id:secret" in Base64.
    String expected = "my+client%3A1:a%3Ab%25c%2Bd+%C3%A9";
    String header = request.header("Authorization");
    assertTrue(header.startsWith("Basic "), header);
    assertEquals(expected, new String(Base64.getDecoder().decode(header.substring(6)),
        StandardCharsets.UTF_8));
    assertNull(request.param("client_secret"));
    assertEquals("client_credentials", request.param("grant_type"));
  }

  @Test
  void clientSecretPostSendsIdAndSecretAsFormFieldsAndNoAuthorizationHeader() {
    client("poster", ClientAuthentication.clientSecretPost("a:b%c+d é")).token();

    CheckingTokenEndpoint.Received request = endpoint.last();
    assertEquals("poster", request.param("client_id"));
    assertEquals("a:b%c+d é", request.param("client_secret"));
    assertNull(request.header("Authorization"));
  }

  @Test
  void noneSendsOnlyTheClientIdForPublicClients() {
    TokenClient.create(OAuthClientSettings.builder()
        .tokenEndpoint(endpoint.tokenUri().toString())
        .clientId("public-app")
        .authentication(ClientAuthentication.none())
        .grant(Grant.refreshToken("refresh-1"))
        .build()).token();

    CheckingTokenEndpoint.Received request = endpoint.last();
    assertEquals("refresh_token", request.param("grant_type"));
    assertEquals("public-app", request.param("client_id"));
    assertNull(request.param("client_secret"));
    assertNull(request.param("client_assertion"));
    assertNull(request.header("Authorization"));
  }

  @Test
  void clientSecretJwtIsAnHs256AssertionKeyedWithTheSecretAndAimedAtTheTokenEndpoint()
      throws Exception {
    String secret = "a-secret-that-is-long-enough-for-hs256!";
    client("jwt-client", ClientAuthentication.clientSecretJwt(secret)).token();

    SignedJWT assertion = assertion(endpoint.last());
    assertEquals("HS256", assertion.getHeader().getAlgorithm().getName());
    assertTrue(assertion.verify(new MACVerifier(secret.getBytes(StandardCharsets.UTF_8))));
    assertStandardClaims(assertion.getJWTClaimsSet(), "jwt-client");
  }

  @ParameterizedTest(name = "{0} signed {1}")
  @CsvSource({
      "rsa-pkcs8.pem, RS256, rsa-pkcs8.pub.pem, RSA",
      "rsa-pkcs1.pem, PS256, rsa-pkcs1.pub.pem, RSA",
      "ec-sec1.pem, ES256, ec-sec1.pub.pem, EC",
      "ec-pkcs8.pem, ES256, ec-pkcs8.pub.pem, EC"})
  void privateKeyJwtFromPemIsSignedByTheConfiguredKeyWithTheRequiredClaims(String keyFile,
      String algorithm, String publicKeyFile, String keyType) throws Exception {
    ClientKey key = ClientKey.fromFile(Keys.file(keyFile), "key-7").withAlgorithm(algorithm);
    client("signing-client", ClientAuthentication.privateKeyJwt(key)).token();

    SignedJWT assertion = assertion(endpoint.last());
    assertEquals(algorithm, assertion.getHeader().getAlgorithm().getName());
    assertEquals("key-7", assertion.getHeader().getKeyID());
    PublicKey publicKey = Keys.publicKey(publicKeyFile, keyType);
    JWSVerifier verifier = publicKey instanceof RSAPublicKey
        ? new RSASSAVerifier((RSAPublicKey) publicKey)
        : new ECDSAVerifier((ECPublicKey) publicKey);
    assertTrue(assertion.verify(verifier), "signature by the configured key");
    assertStandardClaims(assertion.getJWTClaimsSet(), "signing-client");
  }

  @Test
  void privateKeyJwtFromAJwkFileUsesTheJwkKeyIdAndVerifiesWithItsPublicHalf(
      @TempDir Path directory) throws Exception {
    RSAKey jwk = new RSAKeyGenerator(2048).keyID("jwk-kid-1").generate();
    Path file = directory.resolve("client.jwk");
    Files.writeString(file, jwk.toJSONString());

    client("jwk-client", ClientAuthentication.privateKeyJwt(ClientKey.fromFile(file, null)))
        .token();

    SignedJWT assertion = assertion(endpoint.last());
    assertEquals("jwk-kid-1", assertion.getHeader().getKeyID());
    assertTrue(assertion.verify(new RSASSAVerifier(jwk.toRSAPublicKey())));
    assertStandardClaims(assertion.getJWTClaimsSet(), "jwk-client");
  }

  @Test
  void everyRequestCarriesAnAssertionWithAFreshJti() throws Exception {
    TokenClient client = client("signing-client", ClientAuthentication.privateKeyJwt(
        ClientKey.fromFile(Keys.file("ec-pkcs8.pem"), "k")));
    client.token();
    client.newToken();

    List<CheckingTokenEndpoint.Received> requests = endpoint.received();
    assertEquals(2, requests.size());
    assertNotEquals(assertion(requests.get(0)).getJWTClaimsSet().getJWTID(),
        assertion(requests.get(1)).getJWTClaimsSet().getJWTID());
  }

  private static SignedJWT assertion(CheckingTokenEndpoint.Received request) throws Exception {
    assertEquals(JWT_ASSERTION_TYPE, request.param("client_assertion_type"));
    assertNull(request.header("Authorization"));
    return SignedJWT.parse(request.param("client_assertion"));
  }

  private void assertStandardClaims(JWTClaimsSet claims, String clientId) {
    assertEquals(clientId, claims.getIssuer(), "iss");
    assertEquals(clientId, claims.getSubject(), "sub");
    assertEquals(List.of(endpoint.tokenUri().toString()), claims.getAudience(), "aud");
    assertTrue(claims.getJWTID() != null && claims.getJWTID().length() >= 16, "jti");
    Instant now = Instant.now();
    Instant expiry = claims.getExpirationTime().toInstant();
    assertTrue(expiry.isAfter(now), "exp in the future");
    assertTrue(!expiry.isAfter(now.plus(Duration.ofSeconds(61))), "exp at most ~60 s ahead");
  }
}
