/**
 * The Portcullis annotation processor: checks {@code @RequiresScope}, {@code @RequiresToken}
 * and {@code @Public} at compile time and generates the {@code <Resource>_ScopeBinding}
 * classes the runtime applies.
 *
 * <p>Each round goes through three steps. Reading: {@link
 * dev.portcullis.processor.PortcullisAnnotationReader} and {@link
 * dev.portcullis.processor.ResourceClassReader} turn annotations, own and inherited, into
 * immutable records ({@link dev.portcullis.processor.ResourceClass}). Validating: the
 * {@code *Validator} classes report every broken rule from the {@link
 * dev.portcullis.processor.Message} catalogue at the offending annotation value. Generating:
 * {@link dev.portcullis.processor.BindingGenerator} and {@link
 * dev.portcullis.processor.ServiceFileWriter} write code from clean models only.
 */
package dev.portcullis.processor;
