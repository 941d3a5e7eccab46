/**
 * The seam between the client code the Portcullis annotation processor generates and
 * portcullis-client.
 *
 * <p>For every {@code @OAuthClient} interface the processor writes a final class {@code
 * <Interface>_OAuthStub}; each of its methods starts a {@link dev.portcullis.client.spi.ClientCall}
 * from a {@link dev.portcullis.client.spi.StubTarget}, adds the method's parameters and invokes it.
 * Tokens, the one replay after {@code 401 invalid_token} and status exceptions live in {@code
 * ClientCall}, not in generated code.
 *
 * <p>Application code does not normally use this package; it is public so that generated
 * code in any package can reach it, and it changes only together with the processor.
 */
package dev.portcullis.client.spi;
