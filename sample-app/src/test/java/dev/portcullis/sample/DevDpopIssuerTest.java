package dev.portcullis.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import dev.portcullis.client.DpopKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;
import net.minidev.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample's development DPoP token endpoint over HTTP: it wants a proof and then a nonce,
 * issues tokens of the development issuer bound to the proof's key, and refreshes only with a
 * proof of that key.
 */
class DevDpopIssuerTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static DevAuthorizationServer server;
  private static URI token;

  @BeforeAll
  static void start() {
    server = DevAuthorizationServer.start(0, "orders-api");
    token = URI.create(server.dpopTokenEndpoint());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> post(String form, DpopKey key) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(token)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("dpop-reader:x".getBytes()))
        .POST(HttpRequest.BodyPublishers.ofString(form));
    if (key != null) {
      request.header("DPoP", key.proof("POST", token, null));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JSONObject json(HttpResponse<String> response) throws Exception {
    return JSONObjectUtils.parse(response.body());
  }

  /** A token request with {@code key}, answering the nonce request first. */
  private static HttpResponse<String> withNonce(String form, DpopKey key) throws Exception {
    HttpResponse<String> first = post(form, key);
    if (first.statusCode() == 400 && "use_dpop_nonce".equals(json(first).get("error"))) {
      key.rememberNonce(token, first.headers().firstValue("DPoP-Nonce").orElseThrow());
      return post(form, key);
    }
    return first;
  }

  @Test
  void aRequestWithoutProofIsRefused() throws Exception {
    HttpResponse<String> refused = post("grant_type=client_credentials", null);

    assertEquals(400, refused.statusCode());
    assertEquals("invalid_dpop_proof", json(refused).get("error"));
  }

  @Test
  void theFirstProofIsAskedForANonceAndTheSecondGetsABoundTokenOfTheIssuer() throws Exception {
    DpopKey key = DpopKey.generate();
    HttpResponse<String> asked = post("grant_type=client_credentials&scope=orders:read", key);
    assertEquals(400, asked.statusCode());
    assertEquals("use_dpop_nonce", json(asked).get("error"));
    assertNotNull(asked.headers().firstValue("DPoP-Nonce").orElse(null));

    key.rememberNonce(token, asked.headers().firstValue("DPoP-Nonce").orElseThrow());
    HttpResponse<String> issued = post("grant_type=client_credentials&scope=orders:read", key);

    assertEquals(200, issued.statusCode(), issued.body());
    assertEquals("DPoP", json(issued).get("token_type"));
    JWTClaimsSet claims = SignedJWT.parse((String) json(issued).get("access_token")).getJWTClaimsSet();
    assertEquals(server.issuer(), claims.getIssuer());
    assertEquals(Map.of("jkt", key.thumbprint()), claims.getJSONObjectClaim("cnf"));
    assertEquals("orders:read", claims.getStringClaim("scope"));
  }

  @Test
  void aRefreshTokenWorksOnlyWithAProofOfItsKey() throws Exception {
    DpopKey key = DpopKey.generate();
    String refresh = (String) json(withNonce("grant_type=client_credentials", key)).get("refresh_token");
    DpopKey other = DpopKey.generate();

    HttpResponse<String> refused = withNonce("grant_type=refresh_token&refresh_token=" + refresh, other);
    assertEquals(400, refused.statusCode());
    assertEquals("invalid_grant", json(refused).get("error"));

    HttpResponse<String> refreshed = withNonce("grant_type=refresh_token&refresh_token=" + refresh, key);
    assertEquals(200, refreshed.statusCode(), refreshed.body());
    assertTrue(((String) json(refreshed).get("refresh_token")).length() > 20);
  }
}
