package dev.portcullis;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one scope of a {@link ScopeCatalogue}: what a token with it may do, for people
 * reviewing the scope manifest and for RFC 9728 metadata readers.
 *
 * <pre>{@code
 * @ScopeDescription(value = "Delete orders.", implies = {WRITE, READ})
 * String ADMIN = "orders:admin";
 * }</pre>
 *
 * <p>{@link #implies()} builds a scope hierarchy: an endpoint that requires {@code
 * orders:read} also accepts a token with a scope that implies it, directly or through other
 * scopes. The processor writes this into the generated filters; the runtime does not need
 * the catalogue. Implied scopes must be in a catalogue, and the implications must not form a
 * cycle.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ScopeDescription {

  /** One sentence saying what the scope allows; must not be blank. */
  String value();

  /** The scopes a token with this scope may also use, usually narrower ones. */
  String[] implies() default {};
}
