/**
 * Obtaining OAuth 2.0 access tokens for calls to protected APIs.
 *
 * <pre>{@code
 * TokenClient tokens = TokenClient.create(OAuthClientSettings.fromConfiguration("orders"));
 * Client http = ClientBuilder.newClient().register(new BearerTokenFilter(tokens));
 * }</pre>
 *
 * <ul>
 *   <li>{@link dev.portcullis.client.OAuthClientSettings}: where the authorization server is,
 *       the client id, {@link dev.portcullis.client.ClientAuthentication}, the {@link
 *       dev.portcullis.client.Grant}, scopes, caching and retries; from code or from {@code
 *       portcullis.client.<name>.*} keys.
 *   <li>{@link dev.portcullis.client.TokenSource} / {@link dev.portcullis.client.TokenClient}:
 *       cached, renewed, single-flight tokens; {@link dev.portcullis.client.TokenRequestException}
 *       and {@link dev.portcullis.client.TokenAcquisitionException} when none can be had.
 *   <li>{@link dev.portcullis.client.BearerTokenFilter} and {@link
 *       dev.portcullis.client.TokenRejection}: attaching tokens to JAX-RS client requests and
 *       the one replay after {@code 401 invalid_token}.
 *   <li>{@link dev.portcullis.client.DpopKey}: the key of DPoP-bound tokens (RFC 9449) and the
 *       proofs it signs, when a client's settings turn {@code dpop} on.
 * </ul>
 *
 * <p>Protocol messages are built and parsed with the Nimbus OAuth 2.0 SDK. Tokens, secrets and
 * keys never appear in logs, exception messages or {@code toString()}.
 */
package dev.portcullis.client;
