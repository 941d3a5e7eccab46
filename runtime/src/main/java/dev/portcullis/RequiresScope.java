package dev.portcullis;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Requires a bearer token that carries OAuth 2.0 scopes.
 *
 * <p>On a JAX-RS resource class it applies to every resource method of the class; on a
 * resource method it replaces the class's requirement. On the methods (or the type) of
 * an API interface it protects every resource class that implements that interface, also
 * when the interface comes from another jar.
 *
 * <pre>{@code
 * @Path("/orders")
 * @RequiresScope("orders:read")
 * public class OrdersResource {
 *   @GET public List<Order> list() { ... }
 *
 *   @POST @RequiresScope("orders:write")
 *   public Order create(Order order) { ... }
 * }
 * }</pre>
 *
 * <p>The annotation processor checks every scope at compile time: each must be an
 * RFC 6749 section 3.3 {@code scope-token} (printable ASCII without space, {@code "} or
 * {@code \}), the list must not be empty and must not repeat itself.
 *
 * <p>A request without a token is answered {@code 401}; a request whose token lacks the
 * scopes is answered {@code 403} with {@code error="insufficient_scope"}.
 *
 * <p>{@link #acr()} and {@link #maxAge()} ask for step-up authentication (RFC 9470): how, and
 * how recently, the user must have authenticated. A token whose {@code acr} or {@code
 * auth_time} claim falls short is answered {@code 401} with {@code
 * error="insufficient_user_authentication"}, after the scopes have been checked.
 *
 * <pre>{@code
 * @DELETE @Path("{id}")
 * @RequiresScope(value = "orders:admin", acr = {"mfa", "phr"}, maxAge = 300)
 * public void delete(@PathParam("id") String id) { ... }
 * }</pre>
 *
 * <p>{@link #dpop()} asks for DPoP-bound tokens (RFC 9449) on these methods, stricter than the
 * API-wide {@code portcullis.dpop} setting: {@code @RequiresScope(value = "payments:write", dpop =
 * Dpop.REQUIRED)}.
 *
 * @see RequiresToken
 * @see Public
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresScope {

  /** The scopes the token must carry, for example {@code "orders:read"}. */
  String[] value();

  /**
   * Whether the token must carry {@linkplain ScopeMatch#ALL all} of the scopes (the
   * default) or {@linkplain ScopeMatch#ANY any one} of them.
   */
  ScopeMatch match() default ScopeMatch.ALL;

  /**
   * The authentication context class references (OpenID Connect {@code acr} values) of which the
   * token's {@code acr} claim must be one, for example {@code {"mfa", "phr"}}; empty (the
   * default) for any. Each value is sent in the {@code acr_values} parameter of a refusal, so it
   * must be printable ASCII without space, {@code "} or {@code \}; the processor checks that.
   */
  String[] acr() default {};

  /**
   * The most seconds that may have passed since the user last authenticated (the token's {@code
   * auth_time} claim), plus the configured clock skew; {@code -1} (the default) for no limit. When
   * written it must be positive; the processor checks that.
   */
  long maxAge() default -1;

  /**
   * Whether the token must be DPoP-bound (RFC 9449) here: {@link Dpop#AS_CONFIGURED} (the default)
   * as {@code portcullis.dpop} says, or {@link Dpop#ALLOWED} or {@link Dpop#REQUIRED} even when the
   * setting is looser. The stricter of this and the setting applies; see {@link Dpop}.
   */
  Dpop dpop() default Dpop.AS_CONFIGURED;
}
