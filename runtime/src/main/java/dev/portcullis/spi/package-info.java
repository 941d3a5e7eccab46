/**
 * The seam between the code the Portcullis annotation processor generates and the
 * runtime.
 *
 * <p>For every JAX-RS resource class that carries Portcullis annotations (directly or
 * through the interfaces and superclasses it inherits them from) the processor writes a
 * final class {@code <Resource>_ScopeBinding} implementing {@link
 * dev.portcullis.spi.ScopeBinding} and lists it in {@code
 * META-INF/services/dev.portcullis.spi.ScopeBinding}. The runtime loads the bindings once,
 * with {@link java.util.ServiceLoader}, when the application starts.
 *
 * <p>For every {@code @OAuthClient} interface the processor writes a final class {@code
 * <Interface>_OAuthStub}; each of its methods starts a {@link dev.portcullis.spi.ClientCall}
 * from a {@link dev.portcullis.spi.StubTarget}, adds the method's parameters and invokes it.
 * Tokens, the one replay after {@code 401 invalid_token} and status exceptions live in {@code
 * ClientCall}, not in generated code.
 *
 * <p>Application code does not normally use this package; it is public so that generated
 * code in any package can reach it, and it changes only together with the processor.
 */
package dev.portcullis.spi;
