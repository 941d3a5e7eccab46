package dev.portcullis.sample;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.dpop.JWKThumbprintConfirmation;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPIssuer;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPTokenRequestVerifier;
import com.nimbusds.oauth2.sdk.dpop.verifiers.InvalidDPoPNonceException;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import net.minidev.json.JSONObject;
import okhttp3.HttpUrl;

/**
 * A development token endpoint for DPoP-bound tokens (RFC 9449 section 5), beside the embedded
 * mock-oauth2-server, which has none: it checks each request's proof with the OAuth 2.0 SDK's
 * token request verifier and has mock-oauth2-server's issuer sign the access token with {@code
 * cnf.jkt}, the thumbprint of the proof's key. The sample API trusts the tokens with no other
 * configuration, as the issuer and its keys are the same.
 *
 * <p>Like the development server it serves any client with any secret and any scope. It asks
 * for a nonce first ({@code use_dpop_nonce}, section 8), as some servers do, and binds each
 * refresh token it issues to the key: a refresh with a proof of another key is refused.
 */
final class DevDpopIssuer implements AutoCloseable {
  private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256, JWSAlgorithm.PS256);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** What a refresh token stands for: the client, its scope and the key it is bound to. */
  private record Grant(String clientId, String scope, String jkt) {}

  private final MockOAuth2Server issuer;
  private final String issuerUrl;
  private final String audience;
  private final long lifetimeSeconds;
  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(2, runnable -> {
    Thread thread = new Thread(runnable, "portcullis-sample-dpop-issuer");
    thread.setDaemon(true);
    return thread;
  });
  private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();
  private final String nonce = random();

  DevDpopIssuer(MockOAuth2Server issuer, String issuerUrl, String audience, long lifetimeSeconds) {
    this.issuer = issuer;
    this.issuerUrl = issuerUrl;
    this.audience = audience;
    this.lifetimeSeconds = lifetimeSeconds;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException("The development DPoP token endpoint could not start: " + e.getMessage(), e);
    }
    server.createContext("/token", this::token);
    server.setExecutor(threads);
    server.start();
  }

  /** The token endpoint URL. */
  URI tokenEndpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
  }

  private void token(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("POST")) {
        send(exchange, 405, error("invalid_request", "use POST"));
        return;
      }
      Map<String, List<String>> form = URLUtils.parseParameters(
          new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      String clientId = clientId(exchange, form);
      String proofHeader = exchange.getRequestHeaders().getFirst("DPoP");
      if (proofHeader == null) {
        send(exchange, 400, error("invalid_dpop_proof", "this endpoint issues DPoP-bound tokens only; send a DPoP proof"));
        return;
      }
      String jkt;
      try {
        JWKThumbprintConfirmation cnf = new DPoPTokenRequestVerifier(ALGORITHMS, tokenEndpoint(), 60, null)
            .verify(new DPoPIssuer(new ClientID(clientId)), SignedJWT.parse(proofHeader), new Nonce(nonce));
        jkt = cnf.getValue().toString();
      } catch (InvalidDPoPNonceException e) {
        exchange.getResponseHeaders().set("DPoP-Nonce", nonce);
        send(exchange, 400, error("use_dpop_nonce", "Authorization server requires nonce in DPoP proof"));
        return;
      } catch (Exception e) {
        send(exchange, 400, error("invalid_dpop_proof", String.valueOf(e.getMessage())));
        return;
      }
      String grantType = first(form, "grant_type");
      String scope = first(form, "scope");
      if ("refresh_token".equals(grantType)) {
        String presented = String.valueOf(first(form, "refresh_token"));
        Grant grant = refreshTokens.get(presented);
        if (grant == null || !grant.jkt().equals(jkt) || !grant.clientId().equals(clientId)
            || !refreshTokens.remove(presented, grant)) {
          send(exchange, 400, error("invalid_grant", "the refresh token is unknown, used, or bound to another key"));
          return;
        }
        scope = grant.scope();
      } else if (!"client_credentials".equals(grantType)) {
        send(exchange, 400, error("unsupported_grant_type", "use client_credentials or refresh_token"));
        return;
      }
      Map<String, Object> claims = new LinkedHashMap<>();
      claims.put("client_id", clientId);
      if (scope != null) {
        claims.put("scope", scope);
      }
      claims.put("cnf", Map.of("jkt", jkt));
      claims.put("sub", clientId);
      claims.put("aud", List.of(audience));
      // Named as the sample names its issuer: mock-oauth2-server would take the host of its own URL.
      String accessToken = issuer.anyToken(HttpUrl.get(issuerUrl), claims, Duration.ofSeconds(lifetimeSeconds))
          .serialize();
      String refreshToken = random();
      refreshTokens.put(refreshToken, new Grant(clientId, scope, jkt));
      JSONObject answer = new JSONObject();
      answer.put("access_token", accessToken);
      answer.put("token_type", "DPoP");
      answer.put("expires_in", lifetimeSeconds);
      answer.put("refresh_token", refreshToken);
      if (scope != null) {
        answer.put("scope", scope);
      }
      exchange.getResponseHeaders().set("DPoP-Nonce", nonce);
      send(exchange, 200, answer.toJSONString());
    }
  }

  private static String clientId(HttpExchange exchange, Map<String, List<String>> form) {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization != null) {
      try {
        return ClientSecretBasic.parse(authorization).getClientID().getValue();
      } catch (com.nimbusds.oauth2.sdk.ParseException e) {
        // a development server: fall back to the form's client_id
      }
    }
    String id = first(form, "client_id");
    return id == null ? "anonymous" : id;
  }

  private static String first(Map<String, List<String>> form, String name) {
    List<String> values = form.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static String random() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String error(String code, String description) {
    JSONObject error = new JSONObject();
    error.put("error", code);
    error.put("error_description", description);
    return error.toJSONString();
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
