/**
 * The Portcullis annotation processor: checks {@code @RequiresScope}, {@code @RequiresToken}
 * and {@code @Public} at compile time and generates the token-validation filters ({@code
 * <Resource>_PortcullisFilter}) the runtime installs, the {@code <Interface>_OAuthStub} clients
 * and the scope manifest.
 *
 * <p>{@link dev.portcullis.processor.PortcullisProcessor} only wires the steps; the packages
 * say where each annotation is read, validated and generated:
 *
 * <ul>
 *   <li>{@code base}: the step interface and the one place deferral is handled, messages and
 *       validation reports, and the helpers every step shares (annotation values, element
 *       names, the type hierarchy, JAX-RS annotations, scope syntax);
 *   <li>{@code requirement}: reading and checking {@code @Public}, {@code @RequiresToken},
 *       {@code @RequiresScope} and {@code @RequireExplicitDecisions}, and deciding which
 *       requirement applies to a method;
 *   <li>{@code catalogue}: the scope catalogues, unknown and unused scopes;
 *   <li>{@code client}: {@code @OAuthClient} interfaces, read, validated and written as stubs;
 *   <li>{@code resource}: resource classes, read, validated and written as filters;
 *   <li>{@code manifest}: the scope manifest fragments.
 * </ul>
 *
 * <p>In each feature package a {@code *Step} drives the work, {@code *Reader}s build an
 * immutable model and return a validation report with it, {@code *Validator}s check rules, and
 * a generator or writer sees only a model read cleanly. Everything but the step is
 * package-private.
 */
package dev.portcullis.processor;
