package dev.portcullis.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

/** The proofs a {@link DpopKey} signs (RFC 9449 section 4.2) and the keys it loads. */
class DpopKeyTest {

  private static SignedJWT parse(String proof) throws Exception {
    return SignedJWT.parse(proof);
  }

  @Test
  void proofNamesMethodUrlWithoutQueryAndTheTokensHashSignedByAPublicKeyInItsHeader() throws Exception {
    DpopKey key = DpopKey.generate();

    SignedJWT proof = parse(key.proof("GET", URI.create("https://api.example.com/orders/a%2Fb?x=1#f"), "tok"));

    assertEquals("dpop+jwt", proof.getHeader().getType().getType());
    assertEquals(JWSAlgorithm.ES256, proof.getHeader().getAlgorithm());
    JWK jwk = proof.getHeader().getJWK();
    assertFalse(jwk.isPrivate());
    assertTrue(proof.verify(new ECDSAVerifier(jwk.toECKey())));
    assertEquals(key.thumbprint(), jwk.computeThumbprint().toString());
    assertEquals("GET", proof.getJWTClaimsSet().getStringClaim("htm"));
    assertEquals("https://api.example.com/orders/a%2Fb", proof.getJWTClaimsSet().getStringClaim("htu"));
    assertEquals(Base64URL.encode(MessageDigest.getInstance("SHA-256")
        .digest("tok".getBytes(StandardCharsets.US_ASCII))).toString(),
        proof.getJWTClaimsSet().getStringClaim("ath"));
    assertTrue(proof.getJWTClaimsSet().getJWTID().length() >= 16);
    assertTrue(proof.getJWTClaimsSet().getIssueTime() != null);
    assertNull(proof.getJWTClaimsSet().getClaim("nonce"));
  }

  @Test
  void everyProofHasItsOwnJti() throws Exception {
    DpopKey key = DpopKey.generate();
    URI uri = URI.create("https://api.example.com/orders");

    assertNotEquals(parse(key.proof("GET", uri, "t")).getJWTClaimsSet().getJWTID(),
        parse(key.proof("GET", uri, "t")).getJWTClaimsSet().getJWTID());
  }

  @Test
  void proofWithoutTokenHasNoAth() throws Exception {
    SignedJWT proof = parse(DpopKey.generate().proof("POST", URI.create("https://idp.example.com/token"), null));

    assertNull(proof.getJWTClaimsSet().getClaim("ath"));
  }

  @Test
  void nonceGoesToProofsForTheSameServerOnly() throws Exception {
    DpopKey key = DpopKey.generate();
    key.rememberNonce(URI.create("https://api.example.com/orders?x"), "n-1");

    assertEquals("n-1", parse(key.proof("GET", URI.create("https://API.example.com:443/other"), "t"))
        .getJWTClaimsSet().getStringClaim("nonce"));
    assertNull(parse(key.proof("GET", URI.create("https://api.example.com:8443/orders"), "t"))
        .getJWTClaimsSet().getClaim("nonce"));
    assertNull(parse(key.proof("GET", URI.create("http://api.example.com/orders"), "t"))
        .getJWTClaimsSet().getClaim("nonce"));

    key.rememberNonce(URI.create("https://api.example.com"), "n-2");
    key.rememberNonce(URI.create("https://api.example.com"), null);
    assertEquals("n-2", key.nonce(URI.create("https://api.example.com/x")));
  }

  @Test
  void generatedKeysDiffer() {
    assertNotEquals(DpopKey.generate().thumbprint(), DpopKey.generate().thumbprint());
  }

  @Test
  void privateEcJwkIsLoadedWithItsThumbprint() throws Exception {
    ECKey jwk = new ECKeyGenerator(Curve.P_256).generate();

    DpopKey key = DpopKey.parse(jwk.toJSONString());

    assertEquals(jwk.computeThumbprint().toString(), key.thumbprint());
    assertEquals("ES256", key.algorithm());
  }

  @Test
  void rsaPemKeyIsLoadedAndSignsRs256() throws Exception {
    DpopKey key = DpopKey.fromFile(Keys.file("rsa-pkcs8.pem"));

    SignedJWT proof = parse(key.proof("GET", URI.create("https://api.example.com/"), "t"));
    assertEquals(JWSAlgorithm.RS256, proof.getHeader().getAlgorithm());
    assertEquals(key.thumbprint(), proof.getHeader().getJWK().computeThumbprint().toString());
  }

  @Test
  void ecPemKeyIsRefusedWithTheWayOut() {
    ClientConfigurationException e = assertThrows(ClientConfigurationException.class,
        () -> DpopKey.fromFile(Keys.file("ec-pkcs8.pem")));

    assertTrue(e.getMessage().contains("give an EC key as a private JWK"), e.getMessage());
  }

  @Test
  void publicJwkIsRefused() throws Exception {
    String publicJwk = new ECKeyGenerator(Curve.P_256).generate().toPublicJWK().toJSONString();

    ClientConfigurationException e = assertThrows(ClientConfigurationException.class,
        () -> DpopKey.parse(publicJwk));

    assertTrue(e.getMessage().contains("is a public key"), e.getMessage());
  }

  @Test
  void otherCurvesAreRefused() throws Exception {
    String p384 = new ECKeyGenerator(Curve.P_384).generate().toJSONString();

    ClientConfigurationException e = assertThrows(ClientConfigurationException.class,
        () -> DpopKey.parse(p384));

    assertTrue(e.getMessage().contains("Use an EC P-256 key (ES256)"), e.getMessage());
  }

  @Test
  void missingFileNamesThePath() throws Exception {
    var missing = Files.createTempDirectory("dpop").resolve("missing.jwk");

    ClientConfigurationException e = assertThrows(ClientConfigurationException.class,
        () -> DpopKey.fromFile(missing));

    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }

  @Test
  void toStringShowsTheThumbprintButNoKeyMaterial() throws Exception {
    ECKey jwk = new ECKeyGenerator(Curve.P_256).generate();
    DpopKey key = DpopKey.parse(jwk.toJSONString());

    String text = key.toString();

    assertTrue(text.contains(key.thumbprint()), text);
    assertFalse(text.contains(jwk.getD().toString()), text);
    assertFalse(text.contains(jwk.getX().toString()), text);
  }
}
