package dev.portcullis;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface whose {@code String} constants are the scopes of an application, each
 * described by {@link ScopeDescription}.
 *
 * <pre>{@code
 * @ScopeCatalogue
 * public interface OrdersScopes {
 *   @ScopeDescription("Read orders.")
 *   String READ = "orders:read";
 *
 *   @ScopeDescription(value = "Create orders.", implies = READ)
 *   String WRITE = "orders:write";
 * }
 *
 * @GET @RequiresScope(OrdersScopes.READ) List<Order> list();
 * }</pre>
 *
 * <p>The constants are compile-time constants, so they can be written inside {@link
 * RequiresScope} and {@link OAuthClient} and an IDE completes them. (An enum could not: an
 * annotation's {@code String[]} member accepts only constant expressions.)
 *
 * <p>As soon as one catalogue takes part in a compilation, the annotation processor checks
 * every scope written in {@code @RequiresScope} and {@code @OAuthClient} against all of them:
 * an unknown scope is a compile error that suggests the closest catalogue scope, and a
 * catalogue scope no annotation uses is a warning. A catalogue takes part when it is compiled
 * with the annotations, when one of its constants is used in them, or when it sits in the
 * package of an API interface a resource class or client inherits from. Without any
 * catalogue, scopes are not checked against one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ScopeCatalogue {}
