/**
 * The seam between the resource server and the introspection call (RFC 7662): the runtime
 * owns the configuration, the choice of tokens to introspect, the cache and the judgment of the
 * answer; portcullis-client, which has the OAuth 2.0 SDK and the client authentication methods,
 * makes the call. Exported to {@code dev.portcullis.client} alone; the implementation is found
 * with {@link java.util.ServiceLoader}.
 */
package dev.portcullis.internal.introspection;
