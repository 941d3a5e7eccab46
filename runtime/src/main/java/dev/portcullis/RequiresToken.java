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
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresToken {}
