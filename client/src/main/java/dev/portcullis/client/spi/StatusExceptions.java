package dev.portcullis.client.spi;

import dev.portcullis.client.TokenRejection;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.InternalServerErrorException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.RedirectionException;
import jakarta.ws.rs.ServerErrorException;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * Turns an answer that is not 2xx into the {@link WebApplicationException} subclass JAX-RS
 * defines for its status, the way JAX-RS client proxies do; a Bearer challenge that says why
 * (RFC 6750 {@code insufficient_scope}, {@code invalid_token}, RFC 9470 {@code
 * insufficient_user_authentication}) makes it the typed subclass of that exception ({@link
 * dev.portcullis.client.InsufficientScopeException}, {@link
 * dev.portcullis.client.InvalidTokenException}, {@link
 * dev.portcullis.client.InsufficientUserAuthenticationException}).
 */
final class StatusExceptions {

  private StatusExceptions() {}

  /** Throws for any status outside 2xx; the body is buffered so the catcher can read it. */
  static void throwUnlessSuccessful(Response response) {
    if (response.getStatusInfo().getFamily() == Response.Status.Family.SUCCESSFUL) {
      return;
    }
    try {
      response.bufferEntity();
    } catch (ProcessingException | IllegalStateException e) {
      // The status is what matters; a body that cannot be read is left unread.
    }
    throw of(response);
  }

  static WebApplicationException of(Response response) {
    Optional<WebApplicationException> typed = TokenRejection.typed(response);
    if (typed.isPresent()) {
      return typed.get();
    }
    try {
      WebApplicationException specific = specific(response);
      if (specific != null) {
        return specific;
      }
    } catch (IllegalArgumentException e) {
      // A response a specific exception refuses: its family's exception still carries it.
    }
    return byFamily(response);
  }

  private static WebApplicationException specific(Response response) {
    switch (response.getStatus()) {
      case 400:
        return new BadRequestException(response);
      case 401:
        return new NotAuthorizedException(response);
      case 403:
        return new ForbiddenException(response);
      case 404:
        return new NotFoundException(response);
      case 405:
        return new NotAllowedException(response);
      case 406:
        return new NotAcceptableException(response);
      case 415:
        return new NotSupportedException(response);
      case 500:
        return new InternalServerErrorException(response);
      case 503:
        return new ServiceUnavailableException(response);
      default:
        return null;
    }
  }

  private static WebApplicationException byFamily(Response response) {
    int status = response.getStatus();
    if (status >= 300 && status < 400) {
      return new RedirectionException(response);
    }
    if (status >= 400 && status < 500) {
      return new ClientErrorException(response);
    }
    if (status >= 500 && status < 600) {
      return new ServerErrorException(response);
    }
    return new WebApplicationException(response);
  }
}
