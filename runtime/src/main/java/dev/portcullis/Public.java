package dev.portcullis;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint as public: no token is needed and none is checked.
 *
 * <p>Use it on a method inside a class protected by {@link RequiresScope} or {@link
 * RequiresToken} (a health check, say), or on a class to say explicitly that all of it is
 * public. A method cannot be both public and protected: the annotation processor rejects
 * {@code @Public} together with {@code @RequiresScope} or {@code @RequiresToken} on the same
 * element.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Public {}
