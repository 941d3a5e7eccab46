package dev.portcullis.test;

import dev.portcullis.ScopeManifest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One endpoint of the manifest, the URI its requests go to and the cases it is checked with.
 * Requests carry no body and no {@code Content-Type}: the security filter runs before the
 * entity is read, and an endpoint that wants a body answers 400 or 415 after it, which counts as
 * let through.
 */
final class EndpointProbe {
  private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]*)\\}");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final ScopeManifest.Endpoint endpoint;
  private final URI uri;
  private final List<ConformanceCase> cases;

  EndpointProbe(ScopeManifest.Endpoint endpoint, URI uri, List<ConformanceCase> cases) {
    this.endpoint = endpoint;
    this.uri = uri;
    this.cases = List.copyOf(cases);
  }

  /**
   * The request URI of {@code path} (relative to the application) below {@code baseUri}, each
   * {@code {name}} replaced by its value in {@code values}, else by {@code fallback}.
   */
  static URI resolve(URI baseUri, String path, Map<String, String> values, String fallback) {
    Matcher template = TEMPLATE.matcher(path);
    StringBuilder resolved = new StringBuilder();
    while (template.find()) {
      String value = values.getOrDefault(template.group(1).trim(), fallback);
      template.appendReplacement(resolved,
          Matcher.quoteReplacement(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
    }
    template.appendTail(resolved);
    String base = baseUri.toString();
    String relative = resolved.toString().replaceFirst("^/+", "");
    return URI.create(base.endsWith("/") ? base + relative : base + "/" + relative);
  }

  ScopeManifest.Endpoint endpoint() {
    return endpoint;
  }

  List<ConformanceCase> cases() {
    return cases;
  }

  /** {@code GET /orders/{id} (shop.OrdersResource#get(String)), sent as GET http://.../orders/1}. */
  String title() {
    return endpoint + ", sent as " + endpoint.httpMethod() + " " + uri;
  }

  /** Runs every case in order; the clauses of those that failed, none when all passed. */
  List<String> run(HttpClient client) {
    List<String> mismatches = new ArrayList<>();
    for (ConformanceCase check : cases) {
      String mismatch = check.mismatch(send(client, check));
      if (mismatch != null) {
        mismatches.add(mismatch);
      }
    }
    return mismatches;
  }

  /**
   * Sends the request of {@code check}; an I/O failure is an answer that fails every case. A
   * DPoP request that the application answers {@code use_dpop_nonce} is sent once more with a
   * fresh proof carrying the nonce, as a DPoP client does (RFC 9449 section 9).
   */
  ProbeAnswer send(HttpClient client, ConformanceCase check) {
    String token = check.token() == null ? null : check.token().get();
    try {
      HttpResponse<Void> response = client.send(request(check, token), HttpResponse.BodyHandlers.discarding());
      ProbeAnswer answer = answer(response);
      String nonce = response.headers().firstValue("DPoP-Nonce").orElse(null);
      if (check.proofKey() != null && answer.status() == 401 && nonce != null
          && answer.hasError("DPoP", "use_dpop_nonce")) {
        check.proofKey().rememberNonce(uri, nonce);
        answer = answer(client.send(request(check, token), HttpResponse.BodyHandlers.discarding()));
      }
      return answer;
    } catch (IOException e) {
      return ProbeAnswer.unanswered(e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ProbeAnswer.unanswered("interrupted");
    }
  }

  private static ProbeAnswer answer(HttpResponse<Void> response) {
    return ProbeAnswer.of(response.statusCode(), response.headers().allValues("WWW-Authenticate"));
  }

  /** The request of {@code check}: {@code token} as a bearer token, or in the DPoP scheme with a fresh proof. */
  private HttpRequest request(ConformanceCase check, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .method(endpoint.httpMethod(), HttpRequest.BodyPublishers.noBody())
        .timeout(TIMEOUT);
    if (token != null && check.proofKey() == null) {
      request.header("Authorization", "Bearer " + token);
    } else if (token != null) {
      request.header("Authorization", "DPoP " + token)
          .header("DPoP", check.proofKey().proof(endpoint.httpMethod(), uri, token));
    }
    return request.build();
  }
}
