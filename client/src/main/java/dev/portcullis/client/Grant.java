package dev.portcullis.client;

import com.nimbusds.oauth2.sdk.token.TokenTypeURI;
import java.net.URI;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How the client obtains its first token. Later tokens come from the refresh token when the
 * authorization server issued one, otherwise from this grant again. One record per grant
 * type; the static methods are the usual way to make them.
 *
 * <pre>{@code
 * Grant.clientCredentials();                                   // service to service
 * Grant.tokenExchangeForCaller();                             // RFC 8693, for the caller
 * Grant.tokenExchange(() -> incomingToken, Grant.ACCESS_TOKEN_TYPE);  // RFC 8693
 * Grant.jwtBearer(JwtBearerAssertion.signedBy(key, "billing", "alice", tokenEndpoint));  // RFC 7523
 * Grant.jwtBearer(() -> assertionFromWorkloadIdentity());     // RFC 7523
 * }</pre>
 *
 * <p>The suppliers of token exchange and JWT bearer grants are called on every {@link
 * TokenSource#token()} call, from the calling thread, because what they return selects the
 * cached token: tokens obtained for one subject are never handed to a caller acting for
 * another. Token exchange caches one token per distinct subject (and actor) token; JWT bearer
 * one per assertion issuer, subject and audience, so its supplier may mint a new assertion on
 * every call. A supplier that throws fails that call with its exception.
 *
 * <p>{@code toString()} names the grant type only: never a token, an assertion or a password.
 */
public sealed interface Grant
    permits Grant.ClientCredentials, Grant.RefreshToken, Grant.AuthorizationCode,
        Grant.DeviceCode, Grant.TokenExchange, Grant.JwtBearer, Grant.Password {
  /** RFC 8693 token type of an OAuth access token. */
  String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";
  /** RFC 8693 token type of a JWT. */
  String JWT_TYPE = "urn:ietf:params:oauth:token-type:jwt";
  /** RFC 8693 token type of an OpenID Connect ID token. */
  String ID_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:id_token";

  /** {@code client_credentials}: the client acts on its own behalf. The default grant. */
  static Grant clientCredentials() {
    return new ClientCredentials();
  }

  /** {@code refresh_token}: start from a refresh token obtained earlier; rotation is honoured. */
  static Grant refreshToken(String refreshToken) {
    return new RefreshToken(refreshToken);
  }

  /**
   * {@code authorization_code} with PKCE S256: a user signs in through {@link
   * TokenClient#authorizationRequest()} and {@link TokenClient#completeAuthorization}; tokens
   * are then refreshed with the refresh token the authorization server issued.
   */
  static Grant authorizationCode(URI redirectUri) {
    return new AuthorizationCode(redirectUri);
  }

  /**
   * RFC 8628 device authorization, for devices and command-line tools without a browser: the
   * user approves on another device through {@link TokenClient#startDeviceAuthorization()} and
   * {@link TokenClient#completeDeviceAuthorization}; tokens are then refreshed with the refresh
   * token the authorization server issued.
   */
  static Grant deviceCode() {
    return new DeviceCode();
  }

  /** RFC 8693 token exchange of the token {@code subjectToken} supplies, of the given type. */
  static Grant tokenExchange(Supplier<String> subjectToken, String subjectTokenType) {
    return new TokenExchange(subjectToken, subjectTokenType, null, null);
  }

  /**
   * RFC 8693 token exchange acting for the caller of the request being served: the subject
   * token is the access token Portcullis verified for the current request to a method it
   * protects, so a resource method calls another API on its caller's behalf without handling
   * the token. The exchanged token is cached per caller token, like any {@linkplain
   * #tokenExchange(Supplier, String) token exchange}; the {@code audience} and {@code resource}
   * settings say for which API it is requested.
   *
   * <p>The caller's token is known only on the thread that serves the request, between its
   * verification and its response. A {@link TokenSource#token()} call anywhere else (another
   * thread, a public method, after an asynchronous resource method returned) fails with {@link
   * TokenAcquisitionException} and sends nothing; there, take the bearer token from the
   * request's {@code Authorization} header while serving it and use {@link
   * #tokenExchange(Supplier, String)}.
   */
  static Grant tokenExchangeForCaller() {
    return new TokenExchange(CallerSubjectToken.INSTANCE, ACCESS_TOKEN_TYPE, null, null);
  }

  /** RFC 8693 token exchange with an actor token (delegation); actor arguments may be null. */
  static Grant tokenExchange(Supplier<String> subjectToken, String subjectTokenType,
      Supplier<String> actorToken, String actorTokenType) {
    return new TokenExchange(subjectToken, subjectTokenType, actorToken, actorTokenType);
  }

  /**
   * RFC 7523 JWT bearer grant with the signed JWT {@code assertion} supplies; a {@link
   * JwtBearerAssertion} signs them with a {@link ClientKey}, a new one for each token request.
   */
  static Grant jwtBearer(Supplier<String> assertion) {
    return new JwtBearer(assertion);
  }

  /**
   * The resource owner password grant: legacy, removed by the OAuth 2.0 Security BCP (RFC 9700)
   * because the client sees the user's password. Only for systems that cannot do better.
   *
   * @deprecated use {@link #authorizationCode(URI)} for users, or {@link #clientCredentials()}
   */
  @Deprecated
  static Grant password(String username, String password) {
    return new Password(username, password);
  }

  /** {@code client_credentials}. */
  record ClientCredentials() implements Grant {
    @Override
    public String toString() {
      return "Grant[client_credentials]";
    }
  }

  /** {@code refresh_token}, starting from {@code refreshToken}. */
  record RefreshToken(String refreshToken) implements Grant {
    /** @throws ClientConfigurationException if {@code refreshToken} is null or blank */
    public RefreshToken {
      if (refreshToken == null || refreshToken.isBlank()) {
        throw new ClientConfigurationException("The refresh token is empty. Provide the refresh"
            + " token the authorization server issued.");
      }
    }

    @Override
    public String toString() {
      return "Grant[refresh_token]";
    }
  }

  /** {@code authorization_code} with PKCE, redirecting to {@code redirectUri}. */
  record AuthorizationCode(URI redirectUri) implements Grant {
    public AuthorizationCode {
      Objects.requireNonNull(redirectUri, "redirectUri");
    }

    @Override
    public String toString() {
      return "Grant[authorization_code]";
    }
  }

  /** {@code urn:ietf:params:oauth:grant-type:device_code} (RFC 8628). */
  record DeviceCode() implements Grant {
    @Override
    public String toString() {
      return "Grant[device_code]";
    }
  }

  /**
   * RFC 8693 token exchange; the token types are RFC 8693 type URIs, the actor token and its
   * type both given or both null.
   */
  record TokenExchange(Supplier<String> subjectToken, String subjectTokenType,
      Supplier<String> actorToken, String actorTokenType) implements Grant {
    /** @throws ClientConfigurationException if a type is not a URI or an actor half is missing */
    public TokenExchange {
      Objects.requireNonNull(subjectToken, "subjectToken");
      if ((actorToken == null) != (actorTokenType == null)) {
        throw new ClientConfigurationException("A token exchange actor token needs both the"
            + " token and its type. Give both, or neither.");
      }
      subjectTokenType = tokenType(subjectTokenType);
      actorTokenType = actorTokenType == null ? null : tokenType(actorTokenType);
    }

    private static String tokenType(String type) {
      try {
        return TokenTypeURI.parse(Objects.requireNonNull(type, "token type")).getURI().toString();
      } catch (com.nimbusds.oauth2.sdk.ParseException e) {
        throw new ClientConfigurationException("The token type \"" + type + "\" is not a URI."
            + " Use an RFC 8693 token type such as " + ACCESS_TOKEN_TYPE + ".", e);
      }
    }

    @Override
    public String toString() {
      return "Grant[token_exchange]";
    }
  }

  /** RFC 7523 JWT bearer grant with the signed JWT {@code assertion} supplies. */
  record JwtBearer(Supplier<String> assertion) implements Grant {
    public JwtBearer {
      Objects.requireNonNull(assertion, "assertion");
    }

    @Override
    public String toString() {
      return "Grant[jwt_bearer]";
    }
  }

  /**
   * The resource owner password grant.
   *
   * @deprecated see {@link Grant#password(String, String)}
   */
  @Deprecated
  record Password(String username, String password) implements Grant {
    public Password {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
      return "Grant[password]";
    }
  }
}
