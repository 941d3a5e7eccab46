/**
 * The Portcullis annotation processor: checks {@code @RequiresScope}, {@code @RequiresToken}
 * and {@code @Public} at compile time and generates the token-validation filters ({@code
 * <Resource>_PortcullisFilter}) the runtime installs, the {@code <Interface>_OAuthStub} clients
 * and the scope manifest.
 *
 * <p>Each round goes through three steps. Reading: {@link
 * dev.portcullis.processor.PortcullisAnnotationReader} and {@link
 * dev.portcullis.processor.ResourceClassReader} turn annotations, own and inherited, into
 * immutable records ({@link dev.portcullis.processor.ResourceClass}). Validating: the
 * {@code *Validator} classes report every broken rule from the {@link
 * dev.portcullis.processor.Message} catalogue at the offending annotation value. Generating:
 * {@link dev.portcullis.processor.FilterGenerator}, {@link
 * dev.portcullis.processor.StubGenerator} and {@link dev.portcullis.processor.ScopeManifestWriter}
 * write output from clean models only.
 */
package dev.portcullis.processor;
