/**
 * The issuer's signing keys and metadata: OIDC discovery / RFC 8414 metadata, the JWKS fetched
 * and cached in the background, the budget of refetches an unknown key id may ask for, the
 * version of the key set the token cache is tied to, and the policy for the URLs they are
 * fetched from. Nothing here looks at a token.
 *
 * <p>Not an API: types here change without notice; applications use {@link
 * dev.portcullis.PortcullisFeature} and {@link dev.portcullis.PortcullisConfig}.
 */
package dev.portcullis.internal.keys;
