/**
 * The HTTP side of a protected request: the bearer token taken from the request (RFC 6750
 * section 2.1 only), the {@code SecurityContext} installed for a verified token, the RFC 6750
 * challenges and {@code 503} answers, and the RFC 9728 protected resource metadata. {@link
 * dev.portcullis.internal.http.RequestGuard} is the token work every generated filter calls.
 *
 * <p>Not an API: types here change without notice; applications use {@link
 * dev.portcullis.PortcullisFeature} and {@link dev.portcullis.PortcullisConfig}.
 */
package dev.portcullis.internal.http;
