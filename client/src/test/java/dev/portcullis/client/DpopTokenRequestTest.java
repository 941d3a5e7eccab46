package dev.portcullis.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPIssuer;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPTokenRequestVerifier;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.openid.connect.sdk.Nonce;
import dev.portcullis.client.CheckingTokenEndpoint.Received;
import dev.portcullis.client.CheckingTokenEndpoint.Reply;
import dev.portcullis.testing.MutableClock;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Token requests of a client that asks for DPoP-bound tokens (RFC 9449 section 5), over HTTP to
 * a loopback token endpoint whose received proofs are checked with the OAuth 2.0 SDK's token
 * request verifier: a proof on every request, refreshes included, of one key per client; the
 * nonce retry of section 8, once; and the token type check.
 */
class DpopTokenRequestTest {
  @RegisterExtension
  final CheckingTokenEndpoint endpoint = new CheckingTokenEndpoint();

  private OAuthClientSettings.Builder settings() {
    return OAuthClientSettings.builder()
        .tokenEndpoint(endpoint.tokenUri().toString())
        .clientId("billing")
        .authentication(ClientAuthentication.clientSecretBasic("s3cret-value"))
        .retry(2, Duration.ofMillis(5))
        .dpop(true);
  }

  private static Reply dpopToken(String token) {
    return Reply.json(200, "{\"access_token\":\"" + token + "\",\"token_type\":\"DPoP\","
        + "\"expires_in\":3600,\"refresh_token\":\"r-" + token + "\"}");
  }

  private static Reply useNonce(String nonce) {
    return Reply.json(400, "{\"error\":\"use_dpop_nonce\",\"error_description\":\"Authorization"
        + " server requires nonce in DPoP proof\"}").withHeader("DPoP-Nonce", nonce);
  }

  /** The proof of {@code request}, verified as a token endpoint does; returns it. */
  private SignedJWT verifiedProof(Received request, String nonce) throws Exception {
    SignedJWT proof = SignedJWT.parse(request.header("DPoP"));
    new DPoPTokenRequestVerifier(Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256), endpoint.tokenUri(), 60, null)
        .verify(new DPoPIssuer(new ClientID("billing")), proof, nonce == null ? null : new Nonce(nonce));
    return proof;
  }

  private static String jkt(SignedJWT proof) throws Exception {
    return proof.getHeader().getJWK().computeThumbprint().toString();
  }

  @Test
  void tokenRequestCarriesAProofAndTheDpopTokenIsPresentedAsDpop() throws Exception {
    endpoint.then(dpopToken("t1"));
    TokenClient client = TokenClient.create(settings().build());

    AccessToken token = client.token();

    assertEquals("DPoP", token.type());
    assertEquals("DPoP t1", token.authorizationHeader());
    assertEquals(client.dpopKey().orElseThrow(), token.dpopKey().orElseThrow());
    SignedJWT proof = verifiedProof(endpoint.last(), null);
    assertEquals(client.dpopKey().orElseThrow().thumbprint(), jkt(proof));
    assertNull(proof.getJWTClaimsSet().getClaim("ath"));
  }

  @Test
  void useDpopNonceIsAnsweredByOneRequestWithTheNonce() throws Exception {
    endpoint.then(useNonce("n-1"), dpopToken("t1"));
    TokenClient client = TokenClient.create(settings().build());

    assertEquals("t1", client.token().value());

    assertEquals(2, endpoint.requestCount());
    assertNull(verifiedProof(endpoint.received().get(0), null).getJWTClaimsSet().getClaim("nonce"));
    verifiedProof(endpoint.received().get(1), "n-1");
    assertNotEquals(SignedJWT.parse(endpoint.received().get(0).header("DPoP")).getJWTClaimsSet().getJWTID(),
        SignedJWT.parse(endpoint.received().get(1).header("DPoP")).getJWTClaimsSet().getJWTID());
  }

  @Test
  void aSecondUseDpopNonceIsTheAnswerNotAnotherRetry() {
    endpoint.then(useNonce("n-1"), useNonce("n-2"), dpopToken("t1"));
    TokenClient client = TokenClient.create(settings().build());

    TokenRequestException e = assertThrows(TokenRequestException.class, client::token);

    assertEquals("use_dpop_nonce", e.error());
    assertEquals(2, endpoint.requestCount());
  }

  @Test
  void theNewestNonceOfTheServerGoesIntoTheNextRequest() throws Exception {
    endpoint.then(dpopToken("t1").withHeader("DPoP-Nonce", "n-7"), dpopToken("t2"));
    TokenClient client = TokenClient.create(settings().build());
    client.token();

    client.forScopes(Set.of("orders:admin")).token();

    assertEquals(2, endpoint.requestCount());
    verifiedProof(endpoint.last(), "n-7");
  }

  @Test
  void refreshRequestIsSignedWithTheSameKey() throws Exception {
    endpoint.then(dpopToken("1"), dpopToken("2"));
    MutableClock clock = new MutableClock();
    TokenClient client = TokenClient.create(settings().grant(Grant.refreshToken("r0")).clock(clock).build());
    client.token();
    clock.advance(Duration.ofSeconds(3600));

    assertEquals("2", client.token().value());

    assertEquals("refresh_token", endpoint.last().param("grant_type"));
    assertEquals("r-1", endpoint.last().param("refresh_token"));
    assertEquals(jkt(verifiedProof(endpoint.received().get(0), null)), jkt(verifiedProof(endpoint.last(), null)));
  }

  @Test
  void refreshTokenRequestAskedForANonceIsSentAgainWithIt() throws Exception {
    endpoint.then(useNonce("n-1"), dpopToken("t1"));
    TokenClient client = TokenClient.create(settings().grant(Grant.refreshToken("r0")).build());

    assertEquals("t1", client.token().value());

    assertEquals(2, endpoint.requestCount());
    assertEquals("r0", endpoint.last().param("refresh_token"));
    verifiedProof(endpoint.last(), "n-1");
  }

  @Test
  void eachTokenClientGeneratesItsOwnKey() throws Exception {
    OAuthClientSettings settings = settings().build();
    endpoint.then(dpopToken("t1"), dpopToken("t2"));

    TokenClient.create(settings).token();
    TokenClient.create(settings).token();

    assertNotEquals(jkt(verifiedProof(endpoint.received().get(0), null)),
        jkt(verifiedProof(endpoint.received().get(1), null)));
  }

  @Test
  void aConfiguredKeyIsSharedByTheTokenClients() throws Exception {
    ECKey jwk = new ECKeyGenerator(Curve.P_256).generate();
    OAuthClientSettings settings = settings().dpopKey(DpopKey.parse(jwk.toJSONString())).build();
    endpoint.then(dpopToken("t1"), dpopToken("t2"));

    TokenClient.create(settings).token();
    TokenClient.create(settings).token();

    assertEquals(jwk.computeThumbprint().toString(), jkt(verifiedProof(endpoint.received().get(0), null)));
    assertEquals(jwk.computeThumbprint().toString(), jkt(verifiedProof(endpoint.received().get(1), null)));
  }

  @Test
  void aDpopTokenReadBackFromAStoreIsBoundToTheConfiguredKey() {
    DpopKey key = DpopKey.generate();
    TokenStore store = TokenStore.inMemory();
    store.save("alice", null, new TokenStore.Tokens("r-1",
        AccessToken.of("saved", "DPoP", java.time.Instant.now().plusSeconds(600), Set.of())));

    AccessToken token = TokenClient.create(settings().grant(Grant.refreshToken("r-0")).dpopKey(key).build(),
        store, "alice").token();

    assertEquals("saved", token.value());
    assertEquals(key, token.dpopKey().orElseThrow());
    assertEquals(0, endpoint.requestCount());
  }

  @Test
  void bearerTokenIsRefusedWhenDpopWasAskedFor() {
    endpoint.then(Reply.token("t1", 3600));
    TokenClient client = TokenClient.create(settings().build());

    TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class, client::token);

    assertEquals("The token endpoint " + endpoint.tokenUri() + " issued an access token of type"
        + " \"Bearer\", but client billing asked for a DPoP-bound token (RFC 9449), and a token of"
        + " another type would not be bound to its key. Make the authorization server issue"
        + " DPoP-bound tokens to this client (it must support DPoP), or turn DPoP off for the"
        + " client.", e.getMessage());
    assertFalse(e.getMessage().contains("t1"));
  }

  @Test
  void withoutDpopNoProofIsSent() {
    endpoint.then(Reply.token("t1", 3600));

    TokenClient.create(settings().dpop(false).build()).token();

    assertNull(endpoint.last().header("DPoP"));
  }
}
