package dev.portcullis;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Requires a valid bearer token, without asking for any particular scope.
 *
 * <p>Typical use is an endpoint such as {@code GET /api/me} inside a class that is
 * otherwise protected by {@link RequiresScope}: on a method it replaces the class's
 * requirement.
 *
 * <pre>{@code
 * @GET @Path("/me") @RequiresToken
 * public Me me(@Context SecurityContext security) { ... }
 * }</pre>
 *
 * <p>{@link #acr()} and {@link #maxAge()} ask for step-up authentication (RFC 9470), as on
 * {@link RequiresScope}: {@code @RequiresToken(acr = "mfa", maxAge = 300)}. {@link #dpop()} asks
 * for DPoP-bound tokens (RFC 9449), as on {@link RequiresScope}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresToken {
  /**
   * The {@code acr} values of which the token's {@code acr} claim must be one; empty (the
   * default) for any. See {@link RequiresScope#acr()}.
   */
  String[] acr() default {};

  /**
   * The most seconds since the user last authenticated ({@code auth_time}); {@code -1} (the
   * default) for no limit. See {@link RequiresScope#maxAge()}.
   */
  long maxAge() default -1;

  /**
   * Whether the token must be DPoP-bound (RFC 9449) here; {@link Dpop#AS_CONFIGURED} (the default)
   * as {@code portcullis.dpop} says. See {@link RequiresScope#dpop()}.
   */
  Dpop dpop() default Dpop.AS_CONFIGURED;
}
