package dev.portcullis;

import static dev.portcullis.client.LoopbackExchanges.sendJson;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.dpop.JWKThumbprintConfirmation;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPIssuer;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPTokenRequestVerifier;
import com.nimbusds.oauth2.sdk.dpop.verifiers.InvalidDPoPNonceException;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.portcullis.client.LoopbackExchanges;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * A DPoP token endpoint on loopback (mock-oauth2-server has none): it checks each request's
 * proof with the OAuth 2.0 SDK's token request verifier (RFC 9449 section 4.3), optionally asks
 * for a nonce first (section 8), and issues access tokens signed by mock-oauth2-server's
 * {@code default} issuer, bound to the proof's key with {@code cnf.jkt}, for the scope the
 * request asks for ({@code items:read} when it names none). Refresh tokens are bound to the key
 * too: a refresh with a proof of another key is refused with {@code invalid_grant}; an accepted
 * one gives the scope of the token it refreshes.
 */
final class DpopTokenEndpoint implements AutoCloseable {
  /** One token request as received: its grant type and the thumbprint of its proof's key. */
  record Received(String grantType, String jkt, String nonce) {}

  /** What a refresh token was issued with: the key it is bound to and the scope it grants. */
  private record Binding(String jkt, String scope) {}

  private final MockOAuth2Server issuer;
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Map<String, Binding> refreshTokens = new ConcurrentHashMap<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final boolean nonceRequired;
  private volatile String nonce = "token-nonce-" + UUID.randomUUID();
  private volatile boolean firstTokenForAnotherAudience;

  DpopTokenEndpoint(MockOAuth2Server issuer, boolean nonceRequired) throws IOException {
    this.issuer = issuer;
    this.nonceRequired = nonceRequired;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/token", this::token);
    server.setExecutor(threads);
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
  }

  /** The first access token is for another audience, so that the API refuses it. */
  void spoilFirstAccessToken() {
    firstTokenForAnotherAudience = true;
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  private void token(HttpExchange exchange) throws IOException {
    Map<String, String> form = LoopbackExchanges.form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    String proofHeader = exchange.getRequestHeaders().getFirst("DPoP");
    if (proofHeader == null) {
      sendJson(exchange, 400, error("invalid_dpop_proof", "no DPoP proof"));
      return;
    }
    JWKThumbprintConfirmation cnf;
    SignedJWT proof;
    try {
      proof = SignedJWT.parse(proofHeader);
      cnf = new DPoPTokenRequestVerifier(Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256, JWSAlgorithm.PS256), uri(), 60, null)
          .verify(new DPoPIssuer(new ClientID("items-service")), proof, nonceRequired ? new Nonce(nonce) : null);
    } catch (InvalidDPoPNonceException e) {
      received.add(new Received(form.get("grant_type"), null, null));
      exchange.getResponseHeaders().set("DPoP-Nonce", nonce);
      sendJson(exchange, 400, error("use_dpop_nonce", "Authorization server requires nonce in DPoP proof"));
      return;
    } catch (Exception e) {
      sendJson(exchange, 400, error("invalid_dpop_proof", e.getMessage()));
      return;
    }
    String jkt = cnf.getValue().toString();
    String sentNonce;
    try {
      sentNonce = proof.getJWTClaimsSet().getStringClaim("nonce");
    } catch (java.text.ParseException e) {
      throw new IllegalStateException(e);
    }
    received.add(new Received(form.get("grant_type"), jkt, sentNonce));
    String scope = form.getOrDefault("scope", "items:read");
    if ("refresh_token".equals(form.get("grant_type"))) {
      Binding refreshed = refreshTokens.remove(String.valueOf(form.get("refresh_token")));
      if (refreshed == null || !jkt.equals(refreshed.jkt())) {
        sendJson(exchange, 400, error("invalid_grant", "refresh token unknown or bound to another key"));
        return;
      }
      scope = refreshed.scope();
    }
    String audience = firstTokenForAnotherAudience && received.size() == 1 ? "another-api" : KeyServer.AUDIENCE;
    String accessToken = issuer.issueToken("default", "items-service", new DefaultOAuth2TokenCallback("default",
        "items-service", "JWT", List.of(audience), Map.of("scope", scope, "cnf", Map.of("jkt", jkt)), 3600))
        .serialize();
    String refreshToken = "refresh-" + UUID.randomUUID();
    refreshTokens.put(refreshToken, new Binding(jkt, scope));
    if (nonceRequired) {
      exchange.getResponseHeaders().set("DPoP-Nonce", nonce);
    }
    sendJson(exchange, 200, "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"DPoP\","
        + "\"expires_in\":3600,\"refresh_token\":\"" + refreshToken + "\",\"scope\":\"" + scope + "\"}");
  }

  private static String error(String code, String description) {
    return "{\"error\":\"" + code + "\",\"error_description\":\"" + description.replace("\"", "'") + "\"}";
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
