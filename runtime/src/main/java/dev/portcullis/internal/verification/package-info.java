/**
 * Verification of a bearer token: the checks of a first-seen token on Nimbus' {@code
 * DefaultJWTProcessor} ({@link dev.portcullis.internal.verification.TokenChecks}), the claims
 * it reads, the cache of tokens already verified, and {@link
 * dev.portcullis.internal.verification.TokenVerifier}, which puts them together and answers
 * with a verified token, a rejection or "the keys are not at hand". Where the keys come from is
 * {@link dev.portcullis.internal.keys}.
 *
 * <p>Not an API: types here change without notice; applications use {@link
 * dev.portcullis.PortcullisFeature} and {@link dev.portcullis.PortcullisConfig}.
 */
package dev.portcullis.internal.verification;
