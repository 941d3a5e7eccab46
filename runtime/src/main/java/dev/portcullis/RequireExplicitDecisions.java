package dev.portcullis;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Deny by default, at compile time: every JAX-RS resource method must carry an explicit
 * decision, {@link RequiresScope}, {@link RequiresToken} or {@link Public} (its own, or one
 * it inherits from its class or an API interface). A resource method without one is a
 * compile error that names it.
 *
 * <p>On a package ({@code package-info.java}) it applies to the resource classes of that
 * package and of its subpackages; on the {@code jakarta.ws.rs.core.Application} subclass, to
 * every resource class of the compilation:
 *
 * <pre>{@code
 * @RequireExplicitDecisions
 * @ApplicationPath("/api")
 * public class ShopApplication extends Application {}
 * }</pre>
 *
 * <p>The processor option {@code -Aportcullis.requireExplicit=true} does the same for a whole
 * compilation without touching the sources. It is off by default so that adding Portcullis
 * to an existing application does not turn every endpoint it was not yet asked to protect
 * into a build error; turning it on is recommended once the endpoints are annotated.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PACKAGE, ElementType.TYPE})
public @interface RequireExplicitDecisions {}
