/**
 * The seam between the resource filters the Portcullis annotation processor generates and the
 * runtime.
 *
 * <p>For every resource class the processor writes a final class {@code
 * <Resource>_PortcullisFilter} implementing {@link dev.portcullis.spi.ResourceFilter}; it holds
 * one {@link dev.portcullis.spi.AccessRule} per resource method and asks the runtime's {@link
 * dev.portcullis.spi.TokenGuard} to verify each request's token. The generated clients' seam is
 * {@code dev.portcullis.client.spi}, in portcullis-client.
 *
 * <p>Application code does not normally use this package; it is public so that generated
 * code in any package can reach it, and it changes only together with the processor.
 */
package dev.portcullis.spi;
