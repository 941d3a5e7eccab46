package dev.portcullis.internal.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.portcullis.PortcullisConfig;
import dev.portcullis.internal.http.RequestGuard;
import dev.portcullis.internal.verification.TokenVerifier;
import dev.portcullis.spi.AccessRule;
import dev.portcullis.spi.MethodRules;
import dev.portcullis.spi.ResourceFilter;
import dev.portcullis.spi.TokenGuard;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/**
 * Whatever goes wrong in a generated filter, the request is answered 401 invalid_token: never
 * let through, never a 500.
 */
class GuardedMethodTest {
  private static final PortcullisConfig CONFIG =
      PortcullisConfig.builder().issuer("https://idp.example.com").audience("orders-api").build();

  /** A generated filter that fails with {@code failure} on every request. */
  private static final class FailingFilter implements ResourceFilter {
    private final Throwable failure;

    FailingFilter(Throwable failure) {
      this.failure = failure;
    }

    @Override
    public Class<?> resourceClass() {
      return GuardedMethodTest.class;
    }

    @Override
    public void bind(MethodRules rules) {}

    @Override
    public void filter(ContainerRequestContext request, AccessRule rule, TokenGuard guard) throws IOException {
      if (failure instanceof IOException io) {
        throw io;
      }
      if (failure instanceof Error error) {
        throw error;
      }
      throw (RuntimeException) failure;
    }
  }

  /** Runs the guarded method for a request that only records the answer it is aborted with. */
  private static Response answerWhenTheFilterThrows(Throwable failure) {
    Response[] aborted = new Response[1];
    ContainerRequestContext request = (ContainerRequestContext) Proxy.newProxyInstance(
        GuardedMethodTest.class.getClassLoader(), new Class<?>[] {ContainerRequestContext.class},
        (proxy, method, arguments) -> {
          if (method.getName().equals("abortWith")) {
            aborted[0] = (Response) arguments[0];
            return null;
          }
          throw new UnsupportedOperationException(method.getName());
        });
    RequestGuard guard = new RequestGuard(new TokenVerifier(CONFIG), CONFIG.realm(), true, null,
        java.time.Clock.systemUTC(), CONFIG.clockSkew(), null);
    new GuardedMethod(new FailingFilter(failure), AccessRule.anyToken(), guard).filter(request);
    assertNotNull(aborted[0], "the request was not aborted");
    return aborted[0];
  }

  private static void assertInvalidToken(Response answer) {
    assertEquals(401, answer.getStatus());
    assertEquals("Bearer realm=\"" + CONFIG.realm() + "\", error=\"invalid_token\", error_description=\"The token"
        + " could not be verified.\"", answer.getHeaderString(HttpHeaders.WWW_AUTHENTICATE));
  }

  @Test
  void unreadableRequestIsAnswered401() {
    assertInvalidToken(answerWhenTheFilterThrows(new IOException("connection reset")));
  }

  @Test
  void unexpectedExceptionIsAnswered401() {
    assertInvalidToken(answerWhenTheFilterThrows(new IllegalStateException("bug")));
  }

  @Test
  void filterCompiledAgainstAnotherRuntimeVersionIsAnswered401() {
    // What a filter calling a TokenGuard method this runtime lacks throws on its first request.
    assertInvalidToken(answerWhenTheFilterThrows(new NoSuchMethodError("TokenGuard.authenticate")));
  }
}
