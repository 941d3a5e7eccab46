package dev.portcullis;

import static dev.portcullis.ProofMaker.challenges;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.client.TestCertificates;
import dev.portcullis.testapp.PaymentsResource;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An endpoint's own DPoP requirement over HTTP ({@code @RequiresScope(dpop = ...)}): it makes the
 * API-wide {@code portcullis.dpop} stricter there, never looser, recognises the DPoP scheme
 * even when the API has DPoP off, answers with the challenges of its own policy (RFC 9449
 * section 7.1), and leaves the other endpoints as configured.
 */
class DpopPerEndpointTest {
  @RegisterExtension
  static final KeyServer keys = KeyServer.started();

  private static final String RESOURCE = "https://api.example.com";
  private static final String METADATA = " resource_metadata=\"" + RESOURCE + "/.well-known/oauth-protected-resource\"";
  private static final String ALGS = "algs=\"RS256 ES256\"";
  private static final String ONLY_DPOP = "This API accepts only DPoP-bound access tokens; send Authorization:"
      + " DPoP <token> with a DPoP proof.";
  private static final String BOUND_AS_BEARER = "The token is DPoP-bound (it has a cnf.jkt claim); send it as"
      + " Authorization: DPoP <token> with a DPoP proof, not as Bearer.";

  private static TestApp off;
  private static TestApp allowed;
  private static TestApp required;
  private static TestApp withCertificates;
  private static TestCertificates.Identity alice;
  private static final ProofMaker client = new ProofMaker();

  @BeforeAll
  static void start() {
    off = TestApp.start(config().resource(URI.create(RESOURCE)).build(), PaymentsResource.class);
    allowed = TestApp.start(config().dpop(PortcullisConfig.DpopPolicy.ALLOWED).resourceMetadata(false).build(),
        PaymentsResource.class);
    required = TestApp.start(config().dpop(PortcullisConfig.DpopPolicy.REQUIRED).resourceMetadata(false).build(),
        PaymentsResource.class);
    alice = TestCertificates.client("CN=alice,O=Shop", TestCertificates.authority("CN=Test CA"));
    withCertificates = TestApp.start(config().certificateBoundTokens(PortcullisConfig.CertificateBoundTokens.ALLOWED)
        .clientCertificateHeader("X-Client-Cert").resourceMetadata(false).build(), PaymentsResource.class);
  }

  private static PortcullisConfig.Builder config() {
    return keys.config().algorithms(new LinkedHashSet<>(List.of("RS256", "ES256")));
  }

  @AfterAll
  static void stop() {
    off.close();
    allowed.close();
    required.close();
    withCertificates.close();
  }

  @Test
  void anEndpointThatRequiresDpopAcceptsABoundTokenWithAProofWhenTheApiHasDpopOff() {
    String token = client.boundToken(keys, "orders:read");
    Answer answer = client.get(off, RESOURCE, "/payments", token);
    assertEquals(200, answer.status(), answer::toString);
    assertEquals("payments", answer.body());
  }

  @Test
  void anEndpointThatRequiresDpopChallengesWithDpopAloneAndRefusesBearerTokens() {
    Answer none = off.get("/payments");
    assertEquals(401, none.status(), none::toString);
    assertEquals(List.of("DPoP realm=\"orders-api\", " + ALGS + "," + METADATA), challenges(none));
    Answer bearer = off.bearer("/payments", keys.token("orders:read"));
    assertEquals(401, bearer.status(), bearer::toString);
    assertEquals(List.of("DPoP realm=\"orders-api\", error=\"invalid_token\", error_description=\"" + ONLY_DPOP
        + "\", " + ALGS + "," + METADATA), challenges(bearer));
    Answer boundAsBearer = off.bearer("/payments", client.boundToken(keys, "orders:read"));
    assertEquals(401, boundAsBearer.status(), boundAsBearer::toString);
    assertEquals(List.of("DPoP realm=\"orders-api\", error=\"invalid_token\", error_description=\"" + ONLY_DPOP
        + "\", " + ALGS + "," + METADATA), challenges(boundAsBearer));
  }

  @Test
  void theOtherEndpointsOfAnApiWithDpopOffStillIgnoreTheScheme() {
    String token = client.boundToken(keys, "orders:read");
    Answer dpop = client.get(off, RESOURCE, "/payments/plain", token);
    assertEquals(401, dpop.status(), dpop::toString);
    assertEquals(List.of("Bearer realm=\"orders-api\"," + METADATA), challenges(dpop));
    assertEquals(200, off.bearer("/payments/plain", keys.token("orders:read")).status());
    Answer boundAsBearer = off.bearer("/payments/plain", token);
    assertEquals(401, boundAsBearer.status(), boundAsBearer::toString);
    assertTrue(boundAsBearer.challenge().contains("this endpoint does not accept DPoP"), boundAsBearer::toString);
  }

  @Test
  void anEndpointThatAllowsDpopTakesBothSchemesWhenTheApiHasDpopOff() {
    Answer none = off.get("/payments/summary");
    assertEquals(List.of("Bearer realm=\"orders-api\"," + METADATA, "DPoP realm=\"orders-api\", " + ALGS + ","
        + METADATA), challenges(none));
    assertEquals(200, off.bearer("/payments/summary", keys.token("orders:read")).status());
    Answer dpop = client.get(off, RESOURCE, "/payments/summary", client.boundToken(keys, "orders:read"));
    assertEquals(200, dpop.status(), dpop::toString);
    Answer boundAsBearer = off.bearer("/payments/summary", client.boundToken(keys, "orders:read"));
    assertEquals(401, boundAsBearer.status(), boundAsBearer::toString);
    assertEquals(List.of("Bearer realm=\"orders-api\", error=\"invalid_token\", error_description=\""
        + BOUND_AS_BEARER + "\"," + METADATA, "DPoP realm=\"orders-api\", " + ALGS + "," + METADATA),
        challenges(boundAsBearer));
  }

  @Test
  void anEndpointThatRequiresDpopRefusesBearerTokensWhenTheApiAllowsThem() {
    Answer bearer = allowed.bearer("/payments", keys.token("orders:read"));
    assertEquals(401, bearer.status(), bearer::toString);
    assertEquals(List.of("DPoP realm=\"orders-api\", error=\"invalid_token\", error_description=\"" + ONLY_DPOP
        + "\", " + ALGS), challenges(bearer));
    assertEquals(List.of("DPoP realm=\"orders-api\", " + ALGS), challenges(allowed.get("/payments")));
    assertEquals(200, client.get(allowed, "/payments", client.boundToken(keys, "orders:read")).status());
    // The API's other endpoints keep taking both.
    assertEquals(200, allowed.bearer("/payments/plain", keys.token("orders:read")).status());
    assertEquals(List.of("Bearer realm=\"orders-api\"", "DPoP realm=\"orders-api\", " + ALGS),
        challenges(allowed.get("/payments/plain")));
  }

  @Test
  void anEndpointCannotLoosenAnApiThatRequiresDpop() {
    Answer bearer = required.bearer("/payments/summary", keys.token("orders:read"));
    assertEquals(401, bearer.status(), bearer::toString);
    assertEquals(List.of("DPoP realm=\"orders-api\", error=\"invalid_token\", error_description=\"" + ONLY_DPOP
        + "\", " + ALGS), challenges(bearer));
    assertEquals(200, client.get(required, "/payments/summary", client.boundToken(keys, "orders:read")).status());
  }

  @Test
  void theMetadataOfAnApiWithDpopOffListsTheProofAlgorithmsWhenAnEndpointAcceptsDpop() {
    Answer metadata = off.get("/.well-known/oauth-protected-resource");
    assertEquals(200, metadata.status(), metadata::toString);
    assertTrue(metadata.body().contains(
        ",\"dpop_signing_alg_values_supported\":[\"RS256\",\"ES256\"],\"dpop_bound_access_tokens_required\":false"),
        metadata.body());
  }

  @Test
  void anEndpointThatAsksForDpopStillChecksCertificateBoundTokens() {
    String bound = keys.token(b -> b.claim("cnf", java.util.Map.of("x5t#S256", alice.thumbprint())));
    // As nginx's $ssl_client_escaped_cert.
    String certificate = URLEncoder.encode(alice.pem(), StandardCharsets.UTF_8).replace("+", "%20");
    Answer answer = withCertificates.get("/payments/summary", "Authorization", "Bearer " + bound,
        "X-Client-Cert", certificate);
    assertEquals(200, answer.status(), answer::toString);
    Answer without = withCertificates.get("/payments/summary", "Authorization", "Bearer " + bound);
    assertEquals(401, without.status(), without::toString);
  }
}
