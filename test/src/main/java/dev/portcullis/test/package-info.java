/**
 * Test support for applications protected by Portcullis.
 *
 * <ul>
 *   <li>{@link dev.portcullis.test.TestIssuer}: an authorization server in the test's JVM, with
 *       its keys in memory and its discovery document and JWKS on a loopback port, that the
 *       application under test trusts through {@code issuer.config()}; tokens with any scopes,
 *       claims, audience, lifetime or header come from {@link dev.portcullis.test.TokenBuilder},
 *       also tokens bound to a DPoP key or a TLS client certificate.
 *   <li>{@link dev.portcullis.test.SecurityConformance}: calls every endpoint of the scope
 *       manifest on a running application, with and without the right tokens, and reports each
 *       one that is not protected as its annotations declare.
 * </ul>
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TestIssuer issuer = TestIssuer.create("orders-api");
 *
 * @Test
 * void everyEndpointIsProtectedAsDeclared() {
 *   // the application was started with new PortcullisFeature(issuer.config())
 *   SecurityConformance.check(baseUri, issuer);
 * }
 * }</pre>
 */
package dev.portcullis.test;
