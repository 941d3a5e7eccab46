package dev.portcullis.client;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.JWTBearerGrant;
import com.nimbusds.oauth2.sdk.ResourceOwnerPasswordCredentialsGrant;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.token.TokenTypeURI;
import com.nimbusds.oauth2.sdk.token.TypelessAccessToken;
import com.nimbusds.oauth2.sdk.tokenexchange.TokenExchangeGrant;
import java.net.URI;
import java.text.ParseException;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How the client obtains its first token. Later tokens come from the refresh token when the
 * authorization server issued one, otherwise from this grant again.
 *
 * <pre>{@code
 * Grant.clientCredentials();                                   // service to service
 * Grant.tokenExchange(() -> incomingToken, Grant.ACCESS_TOKEN_TYPE);  // RFC 8693
 * Grant.jwtBearer(() -> assertionFromWorkloadIdentity());     // RFC 7523
 * }</pre>
 *
 * <p>The suppliers of token exchange and JWT bearer grants are called on every {@link
 * TokenSource#token()} call, from the calling thread, because what they return selects the
 * cached token: tokens obtained for one subject are never handed to a caller acting for
 * another. Token exchange caches one token per distinct subject (and actor) token; JWT bearer
 * one per assertion issuer, subject and audience, so its supplier may mint a new assertion on
 * every call. A supplier that throws fails that call with its exception.
 */
public final class Grant {
  /** RFC 8693 token type of an OAuth access token. */
  public static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";
  /** RFC 8693 token type of a JWT. */
  public static final String JWT_TYPE = "urn:ietf:params:oauth:token-type:jwt";
  /** RFC 8693 token type of an OpenID Connect ID token. */
  public static final String ID_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:id_token";

  enum Kind { CLIENT_CREDENTIALS, REFRESH_TOKEN, AUTHORIZATION_CODE, TOKEN_EXCHANGE, JWT_BEARER,
      PASSWORD }

  private final Kind kind;
  private final String refreshToken;
  private final URI redirectUri;
  private final Supplier<String> subjectToken;
  private final String subjectTokenType;
  private final Supplier<String> actorToken;
  private final String actorTokenType;
  private final String username;
  private final Secret password;

  private Grant(Kind kind, String refreshToken, URI redirectUri, Supplier<String> subjectToken,
      String subjectTokenType, Supplier<String> actorToken, String actorTokenType,
      String username, String password) {
    this.kind = kind;
    this.refreshToken = refreshToken;
    this.redirectUri = redirectUri;
    this.subjectToken = subjectToken;
    this.subjectTokenType = subjectTokenType;
    this.actorToken = actorToken;
    this.actorTokenType = actorTokenType;
    this.username = username;
    this.password = password == null ? null : new Secret(password);
  }

  /** {@code client_credentials}: the client acts on its own behalf. The default grant. */
  public static Grant clientCredentials() {
    return new Grant(Kind.CLIENT_CREDENTIALS, null, null, null, null, null, null, null, null);
  }

  /** {@code refresh_token}: start from a refresh token obtained earlier; rotation is honoured. */
  public static Grant refreshToken(String refreshToken) {
    if (refreshToken == null || refreshToken.isBlank()) {
      throw new ClientConfigurationException("The refresh token is empty. Provide the refresh"
          + " token the authorization server issued.");
    }
    return new Grant(Kind.REFRESH_TOKEN, refreshToken, null, null, null, null, null, null, null);
  }

  /**
   * {@code authorization_code} with PKCE S256: a user signs in through {@link
   * TokenClient#authorizationRequest()} and {@link TokenClient#completeAuthorization}; tokens
   * are then refreshed with the refresh token the authorization server issued.
   */
  public static Grant authorizationCode(URI redirectUri) {
    return new Grant(Kind.AUTHORIZATION_CODE, null, Objects.requireNonNull(redirectUri,
        "redirectUri"), null, null, null, null, null, null);
  }

  /** RFC 8693 token exchange of the token {@code subjectToken} supplies, of the given type. */
  public static Grant tokenExchange(Supplier<String> subjectToken, String subjectTokenType) {
    return tokenExchange(subjectToken, subjectTokenType, null, null);
  }

  /** RFC 8693 token exchange with an actor token (delegation); actor arguments may be null. */
  public static Grant tokenExchange(Supplier<String> subjectToken, String subjectTokenType,
      Supplier<String> actorToken, String actorTokenType) {
    if ((actorToken == null) != (actorTokenType == null)) {
      throw new ClientConfigurationException("A token exchange actor token needs both the"
          + " token and its type. Give both, or neither.");
    }
    return new Grant(Kind.TOKEN_EXCHANGE, null, null, Objects.requireNonNull(subjectToken,
        "subjectToken"), tokenType(subjectTokenType), actorToken,
        actorTokenType == null ? null : tokenType(actorTokenType), null, null);
  }

  /** RFC 7523 JWT bearer grant with the signed JWT {@code assertion} supplies. */
  public static Grant jwtBearer(Supplier<String> assertion) {
    return new Grant(Kind.JWT_BEARER, null, null, Objects.requireNonNull(assertion, "assertion"),
        null, null, null, null, null);
  }

  /**
   * The resource owner password grant: legacy, removed by the OAuth 2.0 Security BCP (RFC 9700)
   * because the client sees the user's password. Only for systems that cannot do better.
   *
   * @deprecated use {@link #authorizationCode(URI)} for users, or {@link #clientCredentials()}
   */
  @Deprecated
  public static Grant password(String username, String password) {
    return new Grant(Kind.PASSWORD, null, null, null, null, null, null,
        Objects.requireNonNull(username, "username"), Objects.requireNonNull(password,
            "password"));
  }

  private static String tokenType(String type) {
    try {
      return TokenTypeURI.parse(Objects.requireNonNull(type, "token type")).getURI().toString();
    } catch (com.nimbusds.oauth2.sdk.ParseException e) {
      throw new ClientConfigurationException("The token type \"" + type + "\" is not a URI."
          + " Use an RFC 8693 token type such as " + ACCESS_TOKEN_TYPE + ".", e);
    }
  }

  Kind kind() {
    return kind;
  }

  URI redirectUri() {
    return redirectUri;
  }

  String initialRefreshToken() {
    return refreshToken;
  }

  /**
   * Whether the grant is one authorization that lasts as long as its refresh token: {@code
   * refresh_token} and {@code authorization_code} cannot be repeated by the client.
   */
  boolean livesOnRefreshToken() {
    return kind == Kind.REFRESH_TOKEN || kind == Kind.AUTHORIZATION_CODE;
  }

  /**
   * Calls the suppliers of a token exchange or JWT bearer grant for one {@code token()} call;
   * null for grants without a subject of their own.
   */
  SuppliedSubject supplySubject() {
    switch (kind) {
      case TOKEN_EXCHANGE:
        String subject = supplied(subjectToken, "subject");
        String actor = actorToken == null ? null : supplied(actorToken, "actor");
        return SuppliedSubject.of(subject, actor, "token-exchange", subject, actor);
      case JWT_BEARER:
        String assertion = supplied(subjectToken, "assertion");
        try {
          JWTClaimsSet claims = SignedJWT.parse(assertion).getJWTClaimsSet();
          return SuppliedSubject.of(assertion, null, "jwt-bearer", claims.getIssuer(),
              claims.getSubject(), String.join(" ", claims.getAudience()));
        } catch (ParseException e) {
          throw new TokenAcquisitionException("The JWT bearer assertion supplier returned"
              + " something that is not a signed JWT. Return a compact JWS.");
        }
      default:
        return null;
    }
  }

  /**
   * The Nimbus grant for one request; not for the grants that {@linkplain #livesOnRefreshToken()
   * live on their refresh token}.
   */
  AuthorizationGrant toNimbus(List<String> audiences, SuppliedSubject subject) {
    switch (kind) {
      case CLIENT_CREDENTIALS:
        return new ClientCredentialsGrant();
      case TOKEN_EXCHANGE:
        return new TokenExchangeGrant(new TypelessAccessToken(subject.token()),
            typeUri(subjectTokenType),
            subject.actorToken() == null ? null : new TypelessAccessToken(subject.actorToken()),
            actorTokenType == null ? null : typeUri(actorTokenType), null,
            audiences.isEmpty() ? null : Audience.create(audiences));
      case JWT_BEARER:
        try {
          return new JWTBearerGrant(SignedJWT.parse(subject.token()));
        } catch (ParseException e) {
          throw new AssertionError("checked in supplySubject()", e);
        }
      case PASSWORD:
        return new ResourceOwnerPasswordCredentialsGrant(username, password);
      default:
        throw new IllegalStateException("The " + kind + " grant has no request of its own.");
    }
  }

  private static TokenTypeURI typeUri(String uri) {
    try {
      return TokenTypeURI.parse(uri);
    } catch (com.nimbusds.oauth2.sdk.ParseException e) {
      throw new AssertionError(e);
    }
  }

  private String supplied(Supplier<String> supplier, String what) {
    String value = supplier.get();
    if (value == null || value.isBlank()) {
      throw new TokenAcquisitionException("The " + what + " supplier of the " + this
          + " returned nothing, so there is no token to request. Make it return a token.");
    }
    return value;
  }

  /** Whether the token exchange sends audiences itself rather than as extra parameters. */
  boolean carriesAudience() {
    return kind == Kind.TOKEN_EXCHANGE;
  }

  @Override
  public String toString() {
    return "Grant[" + kind.name().toLowerCase(java.util.Locale.ROOT) + "]";
  }
}
