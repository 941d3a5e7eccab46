package dev.portcullis.internal.http;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 6750 section 3 answer: the {@code WWW-Authenticate: Bearer ...} challenge, a
 * matching small JSON body and {@code Cache-Control: no-store}; and the 503 given instead when
 * a token could not be judged at all ({@link #unavailable}).
 *
 * <p>Descriptions are fixed sentences chosen by Portcullis, never text taken from the
 * token or the request, so nothing secret reaches the client. Values are still quoted
 * and escaped, so a realm or scope set by configuration cannot break the header.
 */
final class BearerChallenge {
  /** The error codes of RFC 6750 section 3.1. */
  enum Error {
    INVALID_REQUEST("invalid_request", 400),
    INVALID_TOKEN("invalid_token", 401),
    INSUFFICIENT_SCOPE("insufficient_scope", 403),
    /** RFC 9470 section 3. */
    INSUFFICIENT_USER_AUTHENTICATION("insufficient_user_authentication", 401),
    /** RFC 9449 section 7.1; only in a {@code DPoP} challenge. */
    INVALID_DPOP_PROOF("invalid_dpop_proof", 401),
    /** RFC 9449 section 9; only in a {@code DPoP} challenge. */
    USE_DPOP_NONCE("use_dpop_nonce", 401);

    final String code;
    final int status;

    Error(String code, int status) {
      this.code = code;
      this.status = status;
    }
  }

  private final int status;
  /** The {@code Bearer} challenge, or {@code null} when only {@code DPoP} is offered. */
  private final String header;
  private final String body;
  /** The {@code DPoP} challenge (RFC 9449 section 7.1), or {@code null}. */
  private final String dpop;
  /** The {@code DPoP-Nonce} to send (RFC 9449 section 9), or {@code null}. */
  private final String nonce;

  private BearerChallenge(int status, String header, String body) {
    this(status, header, body, null, null);
  }

  private BearerChallenge(int status, String header, String body, String dpop, String nonce) {
    this.status = status;
    this.header = header;
    this.body = body;
    this.dpop = dpop;
    this.nonce = nonce;
  }

  /**
   * This answer for an API that accepts DPoP (RFC 9449 section 7.1). With {@code only} (DPoP
   * required, or the request used the DPoP scheme) the challenge moves to the {@code DPoP}
   * scheme with its error and {@code algs}; otherwise the {@code Bearer} challenge stays and a
   * {@code DPoP} challenge with {@code realm} and {@code algs} is offered beside it.
   *
   * @param algs the accepted proof algorithms, space-separated
   */
  BearerChallenge withDpop(String realm, String algs, boolean only) {
    if (only) {
      String params = header.substring("Bearer ".length());
      return new BearerChallenge(status, null, body, "DPoP " + params + ", algs=" + quote(algs), nonce);
    }
    return new BearerChallenge(status, header, body, "DPoP realm=" + quote(realm) + ", algs=" + quote(algs), nonce);
  }

  /** This answer with a {@code DPoP-Nonce} header (RFC 9449 section 9). */
  BearerChallenge withNonce(String value) {
    return new BearerChallenge(status, header, body, dpop, value);
  }

  /** The answer to a request without a bearer token: 401 with no error code. */
  static BearerChallenge missingToken(String realm) {
    return new BearerChallenge(401, "Bearer realm=" + quote(realm),
        "{\"error_description\":\"This endpoint needs a bearer access token.\"}");
  }

  /**
   * An answer with an error code.
   *
   * @param scopes the scopes to name in the {@code scope} parameter; empty for none
   */
  static BearerChallenge error(String realm, Error error, String description, List<String> scopes) {
    StringBuilder h = new StringBuilder("Bearer realm=").append(quote(realm))
        .append(", error=").append(quote(error.code))
        .append(", error_description=").append(quote(description));
    if (!scopes.isEmpty()) {
      h.append(", scope=").append(quote(String.join(" ", scopes)));
    }
    StringBuilder json = new StringBuilder("{\"error\":").append(jsonString(error.code))
        .append(",\"error_description\":").append(jsonString(description));
    if (!scopes.isEmpty()) {
      json.append(",\"scope\":").append(jsonString(String.join(" ", scopes)));
    }
    return new BearerChallenge(error.status, h.toString(), json.append('}').toString());
  }

  /**
   * The RFC 9470 section 3 answer to a token whose user authentication falls short: 401 {@code
   * insufficient_user_authentication} with {@code acr_values} (space-separated) and {@code max_age}
   * when the endpoint asks for them, in the header and the JSON body alike.
   *
   * @param acrValues the acceptable {@code acr} values; empty for none
   * @param maxAge the max age in seconds, or -1 for none
   */
  static BearerChallenge insufficientUserAuthentication(
      String realm, String description, List<String> acrValues, long maxAge) {
    BearerChallenge plain = error(realm, Error.INSUFFICIENT_USER_AUTHENTICATION, description, List.of());
    StringBuilder h = new StringBuilder(plain.header);
    StringBuilder json = new StringBuilder(plain.body.substring(0, plain.body.length() - 1));
    if (!acrValues.isEmpty()) {
      h.append(", acr_values=").append(quote(String.join(" ", acrValues)));
      json.append(",\"acr_values\":").append(jsonString(String.join(" ", acrValues)));
    }
    if (maxAge >= 0) {
      h.append(", max_age=").append(maxAge);
      json.append(",\"max_age\":").append(maxAge);
    }
    return new BearerChallenge(plain.status, h.toString(), json.append('}').toString());
  }

  /**
   * The answer when a token could not be judged because the issuer's keys are not at hand:
   * 503 with {@code Retry-After} (RFC 9110 section 10.2.3) and the description in the JSON
   * body. No {@code WWW-Authenticate}: other credentials would fare no better.
   *
   * @param retryAfterSeconds at least 1
   */
  static Response unavailable(String description, long retryAfterSeconds) {
    return Response.status(Response.Status.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, Math.max(1, retryAfterSeconds))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header("Pragma", "no-cache")
        .type("application/json")
        .entity("{\"error_description\":" + jsonString(description) + "}")
        .build();
  }

  /**
   * This challenge with the RFC 9728 section 5.1 {@code resource_metadata} parameter, which
   * tells the client where to learn which authorization server and scopes to use.
   */
  BearerChallenge withResourceMetadata(String url) {
    String parameter = ", resource_metadata=" + quote(url);
    return new BearerChallenge(status, header == null ? null : header + parameter, body,
        dpop == null ? null : dpop + parameter, nonce);
  }

  /** The HTTP status. */
  int status() {
    return status;
  }

  /** The first {@code WWW-Authenticate} value. */
  String header() {
    return header != null ? header : dpop;
  }

  /** The {@code DPoP} challenge, or {@code null}. */
  String dpopHeader() {
    return dpop;
  }

  /** The JSON body. */
  String body() {
    return body;
  }

  /** The response to abort the request with. */
  Response toResponse() {
    Response.ResponseBuilder response = Response.status(status);
    if (header != null) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, header);
    }
    if (dpop != null) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, dpop);
    }
    if (nonce != null) {
      response.header("DPoP-Nonce", nonce);
    }
    return response
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header("Pragma", "no-cache")
        .type("application/json")
        .entity(body)
        .build();
  }

  /**
   * An RFC 9110 quoted-string. RFC 6750 allows only printable ASCII without {@code "} and
   * {@code \} in error values, so anything else is replaced rather than escaped into the
   * header, where some clients would misread it.
   */
  static String quote(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        out.append('?');
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /** A JSON string literal (RFC 8259 section 7). */
  static String jsonString(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    return out.append('"').toString();
  }
}
