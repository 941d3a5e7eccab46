package dev.portcullis.client.spi;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portcullis.client.InsufficientScopeException;
import dev.portcullis.client.InsufficientUserAuthenticationException;
import dev.portcullis.client.InvalidTokenException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.RedirectionException;
import jakarta.ws.rs.ServerErrorException;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Statuses outside 2xx become the exception JAX-RS defines for them, as proxies do. */
class StatusExceptionsTest {

  @Test
  void successfulAnswersPass() {
    for (int status : new int[] {200, 201, 204, 299}) {
      Response answer = Response.status(status).build();
      assertDoesNotThrow(() -> StatusExceptions.throwUnlessSuccessful(answer), "status " + status);
    }
    // The edges of 2xx: the answers just outside it are not passed.
    assertThrows(WebApplicationException.class,
        () -> StatusExceptions.throwUnlessSuccessful(Response.status(300).build()));
    assertThrows(WebApplicationException.class,
        () -> StatusExceptions.throwUnlessSuccessful(Response.status(199).build()));
  }

  @Test
  void bearerChallengesThatSayWhyGiveTheTypedExceptions() {
    WebApplicationException scope = StatusExceptions.of(Response.status(403)
        .header("WWW-Authenticate", "Bearer realm=\"orders\", error=\"insufficient_scope\","
            + " error_description=\"The token does not grant the scope.\", scope=\"orders:write audit\"")
        .build());
    InsufficientScopeException insufficient = assertInstanceOf(InsufficientScopeException.class, scope);
    assertEquals(Set.of("orders:write", "audit"), insufficient.requiredScopes());
    assertEquals(Optional.of("The token does not grant the scope."), insufficient.errorDescription());
    assertEquals("The API refused the call with 403 insufficient_scope: the token does not grant the scope the"
        + " endpoint requires (audit orders:write). Add it to the client's scopes (@OAuthClient scopes or"
        + " portcullis.client.<name>.scopes) and allow the client to request it at the authorization server.",
        insufficient.getMessage());

    WebApplicationException token = StatusExceptions.of(Response.status(401)
        .header("WWW-Authenticate", "DPoP algs=\"ES256\"")
        .header("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"The token has expired.\"")
        .build());
    InvalidTokenException invalid = assertInstanceOf(InvalidTokenException.class, token);
    assertEquals(Optional.of("The token has expired."), invalid.errorDescription());

    // Without an error code, or a malformed challenge: the plain JAX-RS exception.
    assertEquals(NotAuthorizedException.class, StatusExceptions.of(Response.status(401)
        .header("WWW-Authenticate", "Bearer realm=\"orders\"").build()).getClass());
    assertEquals(ForbiddenException.class, StatusExceptions.of(Response.status(403)
        .header("WWW-Authenticate", "Bearer error=\"insufficient_scope").build()).getClass());
    assertEquals(ForbiddenException.class, StatusExceptions.of(Response.status(403).build()).getClass());
  }

  @Test
  void namedStatusesGetTheirOwnException() {
    assertEquals(NotAuthorizedException.class, exceptionFor(401).getClass());
    assertEquals(ForbiddenException.class, exceptionFor(403).getClass());
    assertEquals(NotFoundException.class, exceptionFor(404).getClass());
    assertEquals(ServiceUnavailableException.class, exceptionFor(503).getClass());
    assertEquals(
        NotAllowedException.class,
        StatusExceptions.of(Response.status(405).header("Allow", "GET").build()).getClass());
  }

  @Test
  void otherStatusesGetTheirFamilysException() {
    assertEquals(ClientErrorException.class, exceptionFor(418).getClass());
    assertEquals(ServerErrorException.class, exceptionFor(502).getClass());
    assertEquals(RedirectionException.class, exceptionFor(302).getClass());
  }

  @Test
  void theExceptionCarriesTheResponse() {
    WebApplicationException thrown =
        assertThrows(
            WebApplicationException.class,
            () -> StatusExceptions.throwUnlessSuccessful(Response.status(409).entity("taken").build()));
    assertEquals(409, thrown.getResponse().getStatus());
  }

  private static WebApplicationException exceptionFor(int status) {
    return StatusExceptions.of(Response.status(status).build());
  }

  @Test
  void stepUpChallengeGivesTheTypedExceptionWithAcrValuesAndMaxAge() {
    WebApplicationException thrown = StatusExceptions.of(Response.status(401)
        .header("WWW-Authenticate", "Bearer realm=\"orders\", error=\"insufficient_user_authentication\","
            + " error_description=\"Say acr_values=x, please.\", acr_values=\"mfa phr\", max_age=300,"
            + " resource_metadata=\"https://api.example.com/.well-known/oauth-protected-resource\"")
        .build());
    InsufficientUserAuthenticationException stepUp =
        assertInstanceOf(InsufficientUserAuthenticationException.class, thrown);
    assertInstanceOf(NotAuthorizedException.class, stepUp);
    assertEquals(List.of("mfa", "phr"), stepUp.acrValues());
    assertEquals(OptionalLong.of(300), stepUp.maxAge());
    assertEquals("insufficient_user_authentication", stepUp.error());
    assertEquals(Optional.of("Say acr_values=x, please."), stepUp.errorDescription());
    assertEquals("The API refused the call with 401 insufficient_user_authentication: the user behind the token"
        + " must authenticate with one of acr_values \"mfa phr\" and within max_age 300 seconds (RFC 9470)."
        + " Have the user sign in again at the authorization server with those acr_values and max_age in the"
        + " authorization request, and call with the new token.", stepUp.getMessage());
  }

  @Test
  void stepUpChallengeWithoutOrWithMalformedParametersStillGivesTheTypedException() {
    InsufficientUserAuthenticationException bare = assertInstanceOf(InsufficientUserAuthenticationException.class,
        StatusExceptions.of(Response.status(401)
            .header("WWW-Authenticate", "Bearer error=\"insufficient_user_authentication\", max_age=\"soon\"")
            .build()));
    assertEquals(List.of(), bare.acrValues());
    assertEquals(OptionalLong.empty(), bare.maxAge());
    assertEquals(Optional.empty(), bare.errorDescription());
    InsufficientUserAuthenticationException quoted = assertInstanceOf(InsufficientUserAuthenticationException.class,
        StatusExceptions.of(Response.status(401)
            .header("WWW-Authenticate", "Bearer error=\"insufficient_user_authentication\", max_age=\"60\"")
            .build()));
    assertEquals(OptionalLong.of(60), quoted.maxAge());
    // A description RFC 6750 does not allow ('"') is a plain 401, not an exception of the SDK's.
    WebApplicationException unparseable = StatusExceptions.of(Response.status(401)
        .header("WWW-Authenticate", "Bearer error=\"insufficient_user_authentication\","
            + " error_description=\"a \\\"quote\\\"\"").build());
    assertEquals(NotAuthorizedException.class, unparseable.getClass());
    // The error belongs to 401: a 403 carrying it is no step-up.
    WebApplicationException forbidden = StatusExceptions.of(Response.status(403)
        .header("WWW-Authenticate", "Bearer error=\"insufficient_user_authentication\"").build());
    assertEquals(ForbiddenException.class, forbidden.getClass());
  }
}
