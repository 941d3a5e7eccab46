package dev.portcullis.sample;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.client.AccessToken;
import dev.portcullis.client.ClientAuthentication;
import dev.portcullis.client.DpopKey;
import dev.portcullis.client.OAuthClientSettings;
import dev.portcullis.client.OAuthClients;
import dev.portcullis.client.TokenClient;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.PrintStream;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.glassfish.jersey.jackson.JacksonFeature;

/**
 * {@code java -jar portcullis-sample-app.jar demo --dpop}: the generated {@link OrdersReader}
 * with DPoP (RFC 9449) against the sample, whose development server issues DPoP-bound tokens
 * ({@link DevDpopIssuer}). It prints every request the client sent with the status the API
 * answered, the claims of the proofs (never their signature, nor any key beyond the public
 * key's thumbprint) and the {@code cnf} of the bound token. {@code PORTCULLIS_DPOP} (default
 * here {@code required}) and {@code PORTCULLIS_DPOP_NONCE} set the sample's policy.
 */
final class DpopDemo {
  static final long TOKEN_LIFETIME_SECONDS = 8;
  private static final Duration REFRESH_AHEAD = Duration.ofSeconds(2);

  /** One printed step: what was done and the HTTP status of the last answer. */
  record Step(String name, int status) {}

  /** One request the API answered: its method and path, its DPoP proof, the answer. */
  private record Exchange(String request, String proof, int status, String reason, String challenge) {}

  private final PrintStream out;
  private final Map<String, String> environment;
  private final List<Step> steps = new ArrayList<>();
  private final List<Exchange> exchanges = new ArrayList<>();
  /** The DPoP proof of the last request of the last step. */
  private String lastProof;

  DpopDemo(PrintStream out, Map<String, String> environment) {
    this.out = out;
    this.environment = environment;
  }

  /** Runs every step and returns them; throws if the API answered differently than expected. */
  List<Step> run() throws InterruptedException {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PORT", "0");
    String policy = environment.getOrDefault("PORTCULLIS_DPOP", "");
    env.put("PORTCULLIS_DPOP", policy.isBlank() ? "required" : policy.strip());
    if (env.get("PORTCULLIS_DPOP").equalsIgnoreCase("off")) {
      throw new IllegalStateException("PORTCULLIS_DPOP is off, so the sample API would refuse every DPoP"
          + " token and demo --dpop has nothing to show. Set PORTCULLIS_DPOP to required (the default of"
          + " this demo) or allowed.");
    }
    String nonces = environment.get("PORTCULLIS_DPOP_NONCE");
    if (nonces != null && !nonces.isBlank()) {
      env.put("PORTCULLIS_DPOP_NONCE", nonces.strip());
    }
    try (SampleApp app = SampleApp.start(env, new Properties(), TOKEN_LIFETIME_SECONDS)) {
      Client http = ClientBuilder.newBuilder()
          .register(JacksonFeature.class)
          .register((ClientResponseFilter) (request, response) -> {
            synchronized (exchanges) {
              exchanges.add(new Exchange(request.getMethod() + " " + request.getUri().getPath(),
                  request.getHeaderString("DPoP"), response.getStatus(),
                  response.getStatusInfo().getReasonPhrase(),
                  response.getHeaderString(HttpHeaders.WWW_AUTHENTICATE)));
            }
          })
          .build();
      try {
        run(app, http, env);
      } finally {
        http.close();
      }
    }
    return List.copyOf(steps);
  }

  private void run(SampleApp app, Client http, Map<String, String> env) throws InterruptedException {
    out.println("Portcullis demo with DPoP (RFC 9449): a generated client with a key of its own");
    out.println("  API:                  " + app.baseUri() + " (PORTCULLIS_DPOP=" + env.get("PORTCULLIS_DPOP")
        + (env.containsKey("PORTCULLIS_DPOP_NONCE") ? ", PORTCULLIS_DPOP_NONCE=" + env.get("PORTCULLIS_DPOP_NONCE") : "")
        + ")");
    out.println("  token endpoint:       " + app.devDpopTokenEndpoint() + " (development only; DPoP-bound tokens of "
        + app.issuer() + ", living " + TOKEN_LIFETIME_SECONDS + " s)");
    out.println();

    TokenClient tokens = TokenClient.create(OAuthClientSettings.builder()
        .tokenEndpoint(app.devDpopTokenEndpoint())
        .clientId("dpop-reader")
        // The development server accepts any secret; a real one checks it.
        .authentication(ClientAuthentication.clientSecretBasic("dpop-reader-secret"))
        .scopes("orders:read")
        .refreshAhead(REFRESH_AHEAD)
        .dpop(true)
        .build());
    OrdersReader reader = OAuthClients.builder(OrdersReader.class)
        .baseUri(app.baseUri()).tokens(tokens).client(http).build();
    DpopKey key = tokens.dpopKey().orElseThrow();

    out.println("1. dpop-reader (DPoP on: a new " + key.algorithm() + " key, thumbprint " + key.thumbprint()
        + ") lists the orders: reader.list()");
    int orders = reader.list().size();
    AccessToken first = tokens.token();
    record("reader lists orders", orders + " orders");
    out.println("   the token: type " + first.type() + ", cnf " + cnf(first) + ", expires " + first.expiresAt());
    expect(("{\"jkt\":\"" + key.thumbprint() + "\"}").equals(cnf(first)),
        "the token's cnf.jkt to be the thumbprint of the client's key");
    out.println("   the proof sent with the call (DPoP header):");
    String firstProof = lastProof();
    printProof(firstProof);

    out.println("2. dpop-reader reads one order: reader.get(\"1\"), with the same token and a new proof");
    Order order = reader.get("1");
    record("reader reads an order", order.item() + " x" + order.quantity());
    String secondProof = lastProof();
    out.println("   proof jti " + claims(secondProof).getJWTID() + " (the first call's was "
        + claims(firstProof).getJWTID() + "): an API refuses a proof it has seen");
    expect(!claims(secondProof).getJWTID().equals(claims(firstProof).getJWTID()), "a new proof for each call");

    out.println("3. someone who copied the token but not the key sends it with a proof of another key");
    DpopKey thief = DpopKey.generate();
    URI orderUri = app.baseUri().resolve("/api/orders/1");
    Response refused = stolenCall(http, orderUri, thief, first);
    if (refused.getHeaderString("DPoP-Nonce") != null
        && String.valueOf(refused.getHeaderString(HttpHeaders.WWW_AUTHENTICATE)).contains("use_dpop_nonce")) {
      refused.close();
      thief.rememberNonce(orderUri, refused.getHeaderString("DPoP-Nonce"));  // a nonce is no secret
      refused = stolenCall(http, orderUri, thief, first);
    }
    try (Response answer = refused) {
      record("the token with another key is refused", "the API refuses the token without the client's key");
      expect(answer.getStatus() == 401, "the copied token to be refused with 401");
    }

    Instant renewal = first.expiresAt().minus(REFRESH_AHEAD);
    long wait = Math.max(0, Duration.between(Instant.now(), renewal).toMillis()) + 250;
    out.println("4. waiting " + wait + " ms, until the token is within " + REFRESH_AHEAD.toSeconds()
        + " s of expiry, then reader.list() again: the refresh token is sent with a proof of the same key");
    Thread.sleep(wait);
    reader.list();
    AccessToken renewed = tokens.token();
    record("reader lists orders with a renewed token", "a new token, cnf " + cnf(renewed) + ", expires "
        + renewed.expiresAt());
    expect(renewed != first && cnf(renewed).equals(cnf(first)), "the renewed token to be bound to the same key");
    out.println();
    out.println("Done: every step answered as expected.");
  }

  private static Response stolenCall(Client http, URI uri, DpopKey thief, AccessToken token) {
    return http.target(uri).request()
        .header(HttpHeaders.AUTHORIZATION, "DPoP " + token.value())
        .header("DPoP", thief.proof("GET", uri, token.value()))
        .get();
  }

  /** Prints the requests sent since the last step, then the step. */
  private void record(String name, String detail) {
    List<Exchange> sent;
    synchronized (exchanges) {
      sent = List.copyOf(exchanges);
      exchanges.clear();
    }
    for (Exchange exchange : sent) {
      out.println("   " + exchange.request() + " -> " + exchange.status() + " " + exchange.reason()
          + (exchange.status() == 401 && exchange.challenge() != null ? " (" + exchange.challenge() + ")" : ""));
    }
    Exchange last = sent.get(sent.size() - 1);
    steps.add(new Step(name, last.status()));
    lastProof = last.proof();
    out.println("   " + detail);
  }

  private String lastProof() {
    return lastProof;
  }

  /** The proof's header and claims; never its signature, and of its key only the thumbprint. */
  private void printProof(String proof) {
    try {
      SignedJWT jwt = SignedJWT.parse(proof);
      out.println("     header: typ " + jwt.getHeader().getType() + ", alg " + jwt.getHeader().getAlgorithm()
          + ", jwk with thumbprint " + jwt.getHeader().getJWK().computeThumbprint());
      for (Map.Entry<String, Object> claim : new TreeMap<>(jwt.getJWTClaimsSet().toJSONObject()).entrySet()) {
        out.println("     " + claim.getKey() + ": " + claim.getValue());
      }
    } catch (ParseException | com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException("The client sent a DPoP proof that is not a signed JWT.", e);
    }
  }

  private static JWTClaimsSet claims(String proof) {
    try {
      return SignedJWT.parse(proof).getJWTClaimsSet();
    } catch (ParseException e) {
      throw new IllegalStateException("The client sent a DPoP proof that is not a signed JWT.", e);
    }
  }

  /** The token's {@code cnf} claim as JSON. */
  private static String cnf(AccessToken token) {
    try {
      Map<String, Object> cnf = SignedJWT.parse(token.value()).getJWTClaimsSet().getJSONObjectClaim("cnf");
      return cnf == null ? "(none)" : net.minidev.json.JSONObject.toJSONString(cnf);
    } catch (ParseException e) {
      throw new IllegalStateException("The access token is not a JWT.", e);
    }
  }

  private static void expect(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException("The demo expected " + what + ", but it did not happen.");
    }
  }
}
