package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.testapp.AccountResource;
import dev.portcullis.testapp.MeResource;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DPoP (RFC 9449) at the resource over HTTP: a DPoP-bound token with a valid proof passes, and
 * each check of section 4.3 refuses with {@code invalid_dpop_proof}: a replayed {@code jti}, a
 * wrong {@code htu} or {@code htm}, a stale or future {@code iat}, a missing or wrong {@code
 * ath}, another {@code typ}, an HMAC or private key, no proof or two; the binding to {@code
 * cnf.jkt}; a DPoP-bound token sent as Bearer; and the challenges and metadata of each policy.
 */
class DpopTest {
  private static final String RESOURCE = "https://api.example.com";
  private static final String INVALID_PROOF = "DPoP realm=\"orders-api\", error=\"invalid_dpop_proof\", error_description=\"";
  private static final String ALGS = "algs=\"RS256 ES256 EdDSA\"";

  private static KeyServer keys;
  private static TestApp allowed;
  private static TestApp required;
  private static TestApp off;
  private static TestApp withNonces;
  private static ECKey clientKey;
  private static ECKey otherKey;

  @BeforeAll
  static void start() throws Exception {
    keys = new KeyServer();
    clientKey = new ECKeyGenerator(Curve.P_256).keyID("client").generate();
    otherKey = new ECKeyGenerator(Curve.P_256).generate();
    allowed = TestApp.start(config().dpop(PortcullisConfig.DpopPolicy.ALLOWED).resourceMetadata(false).build(),
        MeResource.class, AccountResource.class);
    // Behind a proxy: the proofs name the public URL, not the server's own.
    required = TestApp.start(config().dpop(PortcullisConfig.DpopPolicy.REQUIRED).resource(URI.create(RESOURCE))
        .build(), MeResource.class, AccountResource.class);
    off = TestApp.start(config().resourceMetadata(false).build(), MeResource.class);
    withNonces = TestApp.start(config().dpop(PortcullisConfig.DpopPolicy.REQUIRED).dpopNonceRequired(true)
        .resourceMetadata(false).build(), MeResource.class);
  }

  private static PortcullisConfig.Builder config() {
    return PortcullisConfig.builder().issuer(keys.issuer).audience(KeyServer.AUDIENCE)
        .algorithms(new LinkedHashSet<>(List.of("RS256", "ES256", "EdDSA"))).clockSkew(Duration.ofSeconds(5));
  }

  @AfterAll
  static void stop() {
    allowed.close();
    required.close();
    off.close();
    withNonces.close();
    keys.close();
  }

  private static String boundToken(ECKey key) {
    return keys.token(b -> b.claim("cnf", Map.of("jkt", thumbprint(key))));
  }

  private static String thumbprint(ECKey key) {
    try {
      return key.computeThumbprint().toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String ath(String token) {
    try {
      return Base64URL.encode(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)))
          .toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A valid proof for {@code method} on {@code htu} and {@code token}, changed by {@code claims}. */
  private static String proof(ECKey key, String method, String htu, String token,
      Consumer<JWTClaimsSet.Builder> claims) {
    return proof(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("dpop+jwt"))
        .jwk(key.toPublicJWK()).build(), key, method, htu, token, claims);
  }

  private static String proof(JWSHeader header, ECKey key, String method, String htu, String token,
      Consumer<JWTClaimsSet.Builder> claims) {
    JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().jwtID(UUID.randomUUID().toString()).claim("htm", method)
        .claim("htu", htu).issueTime(new Date()).claim("ath", ath(token));
    claims.accept(b);
    try {
      SignedJWT jwt = new SignedJWT(header, b.build());
      jwt.sign(new ECDSASigner(key));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String meUrl(TestApp app) {
    return app.base() + "/me";
  }

  private static Answer dpop(TestApp app, String path, String token, String... proofs) {
    List<String> headers = new ArrayList<>(List.of("Authorization", "DPoP " + token));
    for (String proof : proofs) {
      headers.add("DPoP");
      headers.add(proof);
    }
    return app.get(path, headers.toArray(String[]::new));
  }

  private static List<String> challenges(Answer answer) {
    for (Map.Entry<String, List<String>> e : answer.headers().entrySet()) {
      if (e.getKey().equalsIgnoreCase("WWW-Authenticate")) {
        return e.getValue();
      }
    }
    return List.of();
  }

  private static void assertInvalidProof(Answer answer, String description) {
    assertEquals(401, answer.status(), answer::toString);
    assertEquals(List.of(INVALID_PROOF + description + "\", " + ALGS), challenges(answer));
    assertEquals("{\"error\":\"invalid_dpop_proof\",\"error_description\":\"" + description + "\"}", answer.body());
  }

  @Test
  void aBoundTokenWithAValidProofIsAccepted() {
    String token = boundToken(clientKey);
    Answer answer = dpop(allowed, "/me", token, proof(clientKey, "GET", meUrl(allowed), token, b -> {}));
    assertEquals(200, answer.status(), answer::toString);
    assertTrue(answer.body().contains("subject=alice"), answer.body());
  }

  @Test
  void aReplayedProofIsRefused() {
    String token = boundToken(clientKey);
    String proof = proof(clientKey, "GET", meUrl(allowed), token, b -> {});
    assertEquals(200, dpop(allowed, "/me", token, proof).status());
    assertInvalidProof(dpop(allowed, "/me", token, proof),
        "The DPoP proof was used before; make a new proof for each request.");
  }

  @Test
  void aProofForAnotherUriOrMethodIsRefused() {
    String token = boundToken(clientKey);
    assertInvalidProof(dpop(allowed, "/me", token, proof(clientKey, "GET", allowed.base() + "/account/plain", token,
        b -> {})), "The DPoP proof's htu is not this request's URI.");
    assertInvalidProof(dpop(allowed, "/me", token, proof(clientKey, "POST", meUrl(allowed), token, b -> {})),
        "The DPoP proof's htm is not this request's method.");
    assertInvalidProof(dpop(allowed, "/me", token, proof(clientKey, "get", meUrl(allowed), token, b -> {})),
        "The DPoP proof's htm is not this request's method.");
  }

  @Test
  void theUriIsComparedAfterNormalisationWithoutQueryOrFragment() {
    String token = boundToken(clientKey);
    String url = "HTTP://127.0.0.1:" + allowed.base().getPort() + "/me?page=2#top";
    assertEquals(200, dpop(allowed, "/me", token, proof(clientKey, "GET", url, token, b -> {})).status());
    Answer withQuery = allowed.get("/me?page=2", "Authorization", "DPoP " + token, "DPoP",
        proof(clientKey, "GET", meUrl(allowed), token, b -> {}));
    assertEquals(200, withQuery.status(), withQuery::toString);
  }

  @Test
  void aStaleOrFutureIatIsRefused() {
    String token = boundToken(clientKey);
    String notRecent = "The DPoP proof's iat is not recent; make a new proof for each request.";
    assertInvalidProof(dpop(allowed, "/me", token, proof(clientKey, "GET", meUrl(allowed), token,
        b -> b.issueTime(Date.from(Instant.now().minusSeconds(120))))), notRecent);
    assertInvalidProof(dpop(allowed, "/me", token, proof(clientKey, "GET", meUrl(allowed), token,
        b -> b.issueTime(Date.from(Instant.now().plusSeconds(60))))), notRecent);
    assertInvalidProof(dpop(allowed, "/me", token, proof(clientKey, "GET", meUrl(allowed), token,
        b -> b.issueTime(null))), "The DPoP proof has no iat.");
  }

  @Test
  void aMissingOrWrongAthIsRefused() {
    String token = boundToken(clientKey);
    assertInvalidProof(dpop(allowed, "/me", token, proof(clientKey, "GET", meUrl(allowed), token,
        b -> b.claim("ath", null))), "The DPoP proof has no ath.");
    assertInvalidProof(dpop(allowed, "/me", token, proof(clientKey, "GET", meUrl(allowed), token,
        b -> b.claim("ath", ath(keys.token("orders:read"))))), "The DPoP proof's ath is not the hash of the access token.");
  }

  @Test
  void aProofWithoutJtiIsRefused() {
    String token = boundToken(clientKey);
    assertInvalidProof(dpop(allowed, "/me", token, proof(clientKey, "GET", meUrl(allowed), token,
        b -> b.jwtID(null))), "The DPoP proof has no jti, or one longer than 256 characters.");
  }

  @Test
  void aProofOfAnotherTypeAlgorithmOrKeyIsRefused() throws Exception {
    String token = boundToken(clientKey);
    assertInvalidProof(dpop(allowed, "/me", token, proof(new JWSHeader.Builder(JWSAlgorithm.ES256)
        .type(JOSEObjectType.JWT).jwk(clientKey.toPublicJWK()).build(), clientKey, "GET", meUrl(allowed), token,
        b -> {})), "The DPoP proof's typ is not dpop+jwt.");
    assertInvalidProof(dpop(allowed, "/me", token, proof(new JWSHeader.Builder(JWSAlgorithm.ES256)
        .type(new JOSEObjectType("dpop+jwt")).build(), clientKey, "GET", meUrl(allowed), token, b -> {})),
        "The DPoP proof's header has no public jwk.");
    assertInvalidProof(dpop(allowed, "/me", token, proof(new JWSHeader.Builder(JWSAlgorithm.ES256)
        .type(new JOSEObjectType("dpop+jwt")).jwk(otherKey.toPublicJWK()).build(), clientKey, "GET", meUrl(allowed),
        token, b -> {})), "The DPoP proof's signature does not verify with its jwk.");
    SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("dpop+jwt"))
        .jwk(clientKey.toPublicJWK()).build(), new JWTClaimsSet.Builder().jwtID("h").claim("htm", "GET")
        .claim("htu", meUrl(allowed)).issueTime(new Date()).claim("ath", ath(token)).build());
    hmac.sign(new MACSigner(new byte[32]));
    assertInvalidProof(dpop(allowed, "/me", token, hmac.serialize()),
        "The DPoP proof is signed with an algorithm this API does not accept; use one of the algs in the challenge.");
    // A private key in the header: a client that leaks its key gets no binding at all.
    String withPrivateKey = SignedJWT.parse(proof(clientKey, "GET", meUrl(allowed), token, b -> {})).serialize();
    String[] parts = withPrivateKey.split("\\.");
    String privateHeader = "{\"alg\":\"ES256\",\"typ\":\"dpop+jwt\",\"jwk\":" + clientKey.toJSONString() + "}";
    assertInvalidProof(dpop(allowed, "/me", token, Base64URL.encode(privateHeader) + "." + parts[1] + "." + parts[2]),
        "The DPoP proof is not a signed JWT with a public jwk in its header.");
    assertInvalidProof(dpop(allowed, "/me", token, "not-a-jwt"),
        "The DPoP proof is not a signed JWT with a public jwk in its header.");
  }

  @Test
  void noProofOrTwoProofsAreRefused() {
    String token = boundToken(clientKey);
    assertInvalidProof(dpop(allowed, "/me", token),
        "The request has no DPoP proof; send one DPoP header with a proof for this request.");
    assertInvalidProof(dpop(allowed, "/me", token, proof(clientKey, "GET", meUrl(allowed), token, b -> {}),
        proof(clientKey, "GET", meUrl(allowed), token, b -> {})),
        "The request has more than one DPoP proof; send exactly one.");
  }

  @Test
  void theProofKeyMustBeTheKeyTheTokenIsBoundTo() {
    String token = boundToken(otherKey);
    Answer answer = dpop(allowed, "/me", token, proof(clientKey, "GET", meUrl(allowed), token, b -> {}));
    assertEquals(401, answer.status(), answer::toString);
    assertEquals(List.of("DPoP realm=\"orders-api\", error=\"invalid_token\", error_description=\"The token is bound"
        + " to another key than the one that signed the DPoP proof (cnf.jkt); sign the proof with the key the token"
        + " was issued for.\", " + ALGS), challenges(answer));
    String unbound = keys.token("orders:read");
    Answer notBound = dpop(allowed, "/me", unbound, proof(clientKey, "GET", meUrl(allowed), unbound, b -> {}));
    assertEquals(401, notBound.status(), notBound::toString);
    assertTrue(notBound.challenge().contains("The token is not DPoP-bound"), notBound::toString);
  }

  @Test
  void aBoundTokenSentAsBearerIsRefusedUnderEveryPolicy() {
    String token = boundToken(clientKey);
    Answer answer = allowed.bearer("/me", token);
    assertEquals(401, answer.status(), answer::toString);
    assertEquals(List.of("Bearer realm=\"orders-api\", error=\"invalid_token\", error_description=\"The token is"
        + " DPoP-bound (it has a cnf.jkt claim); send it as Authorization: DPoP <token> with a DPoP proof, not as"
        + " Bearer.\"", "DPoP realm=\"orders-api\", " + ALGS), challenges(answer));
    Answer whenOff = off.bearer("/me", token);
    assertEquals(401, whenOff.status(), whenOff::toString);
    assertEquals(List.of("Bearer realm=\"orders-api\", error=\"invalid_token\", error_description=\"The token is"
        + " DPoP-bound (it has a cnf.jkt claim), and this endpoint does not accept DPoP; get a bearer token for it.\""),
        challenges(whenOff));
  }

  @Test
  void allowedOffersBothSchemesAndStillTakesBearerTokens() {
    Answer none = allowed.get("/me");
    assertEquals(401, none.status());
    assertEquals(List.of("Bearer realm=\"orders-api\"", "DPoP realm=\"orders-api\", " + ALGS), challenges(none));
    assertEquals(200, allowed.bearer("/me", keys.token("orders:read")).status());
  }

  @Test
  void offIgnoresTheDpopScheme() {
    String token = boundToken(clientKey);
    Answer answer = dpop(off, "/me", token, proof(clientKey, "GET", meUrl(off), token, b -> {}));
    assertEquals(401, answer.status(), answer::toString);
    assertEquals(List.of("Bearer realm=\"orders-api\""), challenges(answer));
  }

  @Test
  void requiredRefusesBearerTokensAndChecksTheUriAgainstTheConfiguredResource() {
    String metadata = " resource_metadata=\"" + RESOURCE + "/.well-known/oauth-protected-resource\"";
    Answer none = required.get("/me");
    assertEquals(List.of("DPoP realm=\"orders-api\", " + ALGS + "," + metadata), challenges(none));
    Answer bearer = required.bearer("/me", keys.token("orders:read"));
    assertEquals(401, bearer.status(), bearer::toString);
    assertEquals(List.of("DPoP realm=\"orders-api\", error=\"invalid_token\", error_description=\"This API accepts"
        + " only DPoP-bound access tokens; send Authorization: DPoP <token> with a DPoP proof.\", " + ALGS + ","
        + metadata), challenges(bearer));
    String token = boundToken(clientKey);
    assertEquals(200, dpop(required, "/me", token, proof(clientKey, "GET", "https://API.example.com:443/me", token,
        b -> {})).status());
    Answer local = dpop(required, "/me", token, proof(clientKey, "GET", meUrl(required), token, b -> {}));
    assertEquals(401, local.status(), local::toString);
    assertTrue(local.challenge().contains("The DPoP proof's htu is not this request's URI."), local::toString);
  }

  @Test
  void aMissingScopeIsAnsweredInTheDpopScheme() {
    String token = keys.token(b -> b.claim("cnf", Map.of("jkt", thumbprint(clientKey))).claim("scope", "other"));
    Answer answer = dpop(allowed, "/account", token, proof(clientKey, "GET", allowed.base() + "/account", token,
        b -> {}));
    assertEquals(403, answer.status(), answer::toString);
    assertEquals(List.of("DPoP realm=\"orders-api\", error=\"insufficient_scope\", error_description=\"The token"
        + " does not grant the scope this endpoint requires.\", scope=\"account:read\", " + ALGS), challenges(answer));
  }

  @Test
  void theMetadataSaysWhetherDpopIsRequiredAndWhichAlgorithms() {
    Answer metadata = required.get("/.well-known/oauth-protected-resource");
    assertEquals(200, metadata.status(), metadata::toString);
    assertTrue(metadata.body().contains(
        ",\"dpop_signing_alg_values_supported\":[\"RS256\",\"ES256\",\"EdDSA\"],\"dpop_bound_access_tokens_required\":true"),
        metadata.body());
  }

  @Test
  void whenNoncesAreRequiredAProofWithoutTheServersNonceIsAnsweredWithOne() {
    String token = boundToken(clientKey);
    Answer first = dpop(withNonces, "/me", token, proof(clientKey, "GET", meUrl(withNonces), token, b -> {}));
    assertEquals(401, first.status(), first::toString);
    String missing = "The DPoP proof has no nonce, which this API requires; make a new proof with the nonce in the"
        + " DPoP-Nonce header.";
    assertEquals(List.of("DPoP realm=\"orders-api\", error=\"use_dpop_nonce\", error_description=\"" + missing
        + "\", " + ALGS), challenges(first));
    assertEquals("{\"error\":\"use_dpop_nonce\",\"error_description\":\"" + missing + "\"}", first.body());
    String nonce = first.header("DPoP-Nonce");
    assertTrue(nonce != null && !nonce.isEmpty(), first::toString);
    Answer second = dpop(withNonces, "/me", token, proof(clientKey, "GET", meUrl(withNonces), token,
        b -> b.claim("nonce", nonce)));
    assertEquals(200, second.status(), second::toString);
    // The next nonce comes with every accepted request (the same one until the period ends).
    String next = second.header("DPoP-Nonce");
    assertTrue(next != null && !next.isEmpty(), second::toString);
    assertEquals(200, dpop(withNonces, "/me", token, proof(clientKey, "GET", meUrl(withNonces), token,
        b -> b.claim("nonce", next))).status());
    Answer forged = dpop(withNonces, "/me", token, proof(clientKey, "GET", meUrl(withNonces), token,
        b -> b.claim("nonce", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")));
    assertEquals(401, forged.status(), forged::toString);
    assertTrue(forged.challenge().contains("error=\"use_dpop_nonce\""), forged::toString);
    assertTrue(forged.header("DPoP-Nonce") != null, forged::toString);
  }
}
