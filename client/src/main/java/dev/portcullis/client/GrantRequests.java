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
import java.text.ParseException;
import java.util.List;
import java.util.function.Supplier;

/** What each {@link Grant} means for the token requests: the one place that tells them apart. */
final class GrantRequests {
  private GrantRequests() {}

  /**
   * Whether the grant is one authorization that lasts as long as its refresh token: {@code
   * refresh_token}, {@code authorization_code} and {@code device_code} cannot be repeated by
   * the client.
   */
  static boolean livesOnRefreshToken(Grant grant) {
    return grant instanceof Grant.RefreshToken || grant instanceof Grant.AuthorizationCode
        || grant instanceof Grant.DeviceCode;
  }

  /** The refresh token a {@code refresh_token} grant starts from; null for other grants. */
  static String initialRefreshToken(Grant grant) {
    return grant instanceof Grant.RefreshToken refresh ? refresh.refreshToken() : null;
  }

  /** Whether the token exchange sends audiences itself rather than as extra parameters. */
  static boolean carriesAudience(Grant grant) {
    return grant instanceof Grant.TokenExchange;
  }

  /**
   * Calls the suppliers of a token exchange or JWT bearer grant for one {@code token()} call;
   * null for grants without a subject of their own.
   */
  static SuppliedSubject supplySubject(Grant grant) {
    if (grant instanceof Grant.TokenExchange exchange) {
      String subject = supplied(exchange.subjectToken(), "subject", grant);
      String actor = exchange.actorToken() == null ? null : supplied(exchange.actorToken(), "actor", grant);
      return SuppliedSubject.of(subject, actor, "token-exchange", subject, actor);
    }
    if (grant instanceof Grant.JwtBearer bearer
        && bearer.assertion() instanceof JwtBearerAssertion signed) {
      return SuppliedSubject.minted(signed, "jwt-bearer", signed.issuer(), signed.subject(),
          signed.audience());
    }
    if (grant instanceof Grant.JwtBearer bearer) {
      String assertion = supplied(bearer.assertion(), "assertion", grant);
      try {
        JWTClaimsSet claims = SignedJWT.parse(assertion).getJWTClaimsSet();
        return SuppliedSubject.of(assertion, null, "jwt-bearer", claims.getIssuer(),
            claims.getSubject(), String.join(" ", claims.getAudience()));
      } catch (ParseException e) {
        throw new TokenAcquisitionException("The JWT bearer assertion supplier returned"
            + " something that is not a signed JWT. Return a compact JWS.");
      }
    }
    return null;
  }

  /**
   * The Nimbus grant for one request; not for the grants that {@linkplain #livesOnRefreshToken
   * live on their refresh token}.
   */
  @SuppressWarnings("deprecation") // the password grant is still sent for those who configure it
  static AuthorizationGrant toNimbus(Grant grant, List<String> audiences, SuppliedSubject subject) {
    if (grant instanceof Grant.ClientCredentials) {
      return new ClientCredentialsGrant();
    }
    if (grant instanceof Grant.TokenExchange exchange) {
      return new TokenExchangeGrant(new TypelessAccessToken(subject.token()),
          typeUri(exchange.subjectTokenType()),
          subject.actorToken() == null ? null : new TypelessAccessToken(subject.actorToken()),
          exchange.actorTokenType() == null ? null : typeUri(exchange.actorTokenType()), null,
          audiences.isEmpty() ? null : Audience.create(audiences));
    }
    if (grant instanceof Grant.JwtBearer) {
      try {
        return new JWTBearerGrant(SignedJWT.parse(subject.token()));
      } catch (ParseException e) {
        throw new AssertionError("signed here or checked in supplySubject()", e);
      }
    }
    if (grant instanceof Grant.Password password) {
      return new ResourceOwnerPasswordCredentialsGrant(password.username(), new Secret(password.password()));
    }
    throw new IllegalStateException("The " + grant + " grant has no request of its own.");
  }

  private static TokenTypeURI typeUri(String uri) {
    try {
      return TokenTypeURI.parse(uri);
    } catch (com.nimbusds.oauth2.sdk.ParseException e) {
      throw new AssertionError(e);
    }
  }

  private static String supplied(Supplier<String> supplier, String what, Grant grant) {
    String value = supplier.get();
    if (value == null || value.isBlank()) {
      throw new TokenAcquisitionException("The " + what + " supplier of the " + grant
          + " returned nothing, so there is no token to request. Make it return a token.");
    }
    return value;
  }
}
