/**
 * Binding of the generated filters and the checks before serving: finds each resource
 * method's generated filter and rule, compares the rule with the annotations visible at run
 * time, guards sub-resources and served classes, refuses what it cannot protect, and refuses to
 * start an application whose annotated resources would go unchecked.
 *
 * <p>Not an API: types here change without notice; applications use {@link
 * dev.portcullis.PortcullisFeature} and {@link dev.portcullis.PortcullisConfig}.
 */
package dev.portcullis.internal.filters;
