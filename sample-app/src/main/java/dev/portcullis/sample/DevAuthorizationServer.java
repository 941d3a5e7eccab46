package dev.portcullis.sample;

import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.OAuth2Exception;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;

/**
 * The embedded development authorization server (mock-oauth2-server) the sample starts when
 * no {@code PORTCULLIS_ISSUER} is given.
 *
 * <p>It issues a token to any client for any scope it asks for: a client_credentials request
 * with {@code scope=orders:read} gets an RFC 9068 access token ({@code typ: at+jwt}) whose
 * {@code sub} and {@code client_id} are the client's id, whose {@code aud} is the sample's
 * audience and whose {@code scope} is what was asked. That is what a development server is
 * for; never point a production API at it.
 *
 * <p>Two request parameters, for tokens meant for other APIs under development: {@code
 * audience} replaces the {@code aud} value, and {@code expires_in} (seconds, at most a day)
 * replaces the lifetime.
 *
 * <p>Beside it, {@link DevDpopIssuer} issues DPoP-bound tokens of the same issuer, for
 * clients with DPoP on ({@code demo --dpop}).
 */
final class DevAuthorizationServer implements AutoCloseable {

  static final String ISSUER_ID = "default";
  static final long DEFAULT_LIFETIME_SECONDS = 3600;
  static final long MAX_LIFETIME_SECONDS = 24 * 3600;
  /** The token request parameter that names the audience of the token. */
  static final String AUDIENCE_PARAMETER = "audience";
  /** The token request parameter that sets the token's lifetime in seconds. */
  static final String EXPIRES_IN_PARAMETER = "expires_in";

  private final MockOAuth2Server server;
  private final DevDpopIssuer dpop;

  private DevAuthorizationServer(MockOAuth2Server server, DevDpopIssuer dpop) {
    this.server = server;
    this.dpop = dpop;
  }

  /** Starts on 127.0.0.1:{@code preferredPort}, or on any free port when that one is taken. */
  static DevAuthorizationServer start(int preferredPort, String audience) {
    return start(preferredPort, audience, DEFAULT_LIFETIME_SECONDS);
  }

  /** Like {@link #start(int, String)}, issuing tokens that expire after {@code lifetimeSeconds}. */
  static DevAuthorizationServer start(int preferredPort, String audience, long lifetimeSeconds) {
    OrdersTokenCallback callback = new OrdersTokenCallback(audience, lifetimeSeconds);
    OAuth2Config config = new OAuth2Config(false, null, null, false, new OAuth2TokenProvider(), Set.of(callback));
    MockOAuth2Server server = new MockOAuth2Server(config);
    try {
      server.start(InetAddress.getLoopbackAddress(), isFree(preferredPort) ? preferredPort : 0);
    } catch (RuntimeException e) {
      throw new IllegalStateException("The development authorization server could not start: " + e.getMessage(), e);
    }
    try {
      return new DevAuthorizationServer(server, new DevDpopIssuer(server, issuer(server), audience, lifetimeSeconds));
    } catch (RuntimeException e) {
      server.shutdown();
      throw e;
    }
  }

  /**
   * The issuer URL. mock-oauth2-server names its issuer after the Host a request was sent
   * to, so everything the sample prints and trusts uses the one address, 127.0.0.1.
   */
  String issuer() {
    return issuer(server);
  }

  private static String issuer(MockOAuth2Server server) {
    return "http://127.0.0.1:" + server.baseUrl().port() + "/" + ISSUER_ID;
  }

  /** The token endpoint URL. */
  String tokenEndpoint() {
    return issuer() + "/token";
  }

  /**
   * The token endpoint of DPoP-bound tokens (RFC 9449), signed by the same issuer: see {@link
   * DevDpopIssuer}.
   */
  String dpopTokenEndpoint() {
    return dpop.tokenEndpoint().toString();
  }

  @Override
  public void close() {
    dpop.close();
    server.shutdown();
  }

  private static boolean isFree(int port) {
    if (port <= 0) {
      return false;
    }
    try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Shapes every token the way a real identity provider configured for the API would. */
  private static final class OrdersTokenCallback implements OAuth2TokenCallback {
    private final String audience;
    private final long lifetimeSeconds;

    OrdersTokenCallback(String audience, long lifetimeSeconds) {
      this.audience = audience;
      this.lifetimeSeconds = lifetimeSeconds;
    }

    @Override
    public String issuerId() {
      return ISSUER_ID;
    }

    @Override
    public String subject(TokenRequest request) {
      return clientId(request);
    }

    @Override
    public String typeHeader(TokenRequest request) {
      return "at+jwt";
    }

    @Override
    public List<String> audience(TokenRequest request) {
      String asked = parameter(request, AUDIENCE_PARAMETER);
      return List.of(asked != null ? asked : audience);
    }

    @Override
    public Map<String, Object> addClaims(TokenRequest request) {
      Map<String, Object> claims = new LinkedHashMap<>();
      String clientId = clientId(request);
      if (clientId != null) {
        claims.put("client_id", clientId);
      }
      if (request.getScope() != null) {
        claims.put("scope", request.getScope().toString());
      }
      String expiresIn = parameter(request, EXPIRES_IN_PARAMETER);
      if (expiresIn != null) {
        // mock-oauth2-server applies these claims after its own, so this exp wins.
        claims.put("exp", Date.from(Instant.now().plusSeconds(lifetime(expiresIn))));
      }
      return claims;
    }

    private static long lifetime(String expiresIn) {
      try {
        long seconds = Long.parseLong(expiresIn);
        if (seconds >= 1 && seconds <= MAX_LIFETIME_SECONDS) {
          return seconds;
        }
      } catch (NumberFormatException e) {
        // answered below
      }
      throw new OAuth2Exception(OAuth2Error.INVALID_REQUEST.setDescription(EXPIRES_IN_PARAMETER
          + " must be a number of seconds from 1 to " + MAX_LIFETIME_SECONDS), "Bad " + EXPIRES_IN_PARAMETER);
    }

    private static String parameter(TokenRequest request, String name) {
      List<String> values = request.getCustomParameters().get(name);
      return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0).trim();
    }

    @Override
    public long tokenExpiry() {
      return lifetimeSeconds;
    }

    private static String clientId(TokenRequest request) {
      ClientAuthentication auth = request.getClientAuthentication();
      ClientID id = auth != null ? auth.getClientID() : request.getClientID();
      return id != null ? id.getValue() : "anonymous";
    }
  }
}
