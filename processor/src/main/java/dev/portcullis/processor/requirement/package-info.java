/**
 * The requirement annotations ({@code @Public}, {@code @RequiresToken}, {@code @RequiresScope}):
 * read once per element and checked for what they say and where they sit ({@link
 * dev.portcullis.processor.requirement.RequirementStep}); which one applies to a method,
 * inherited the JAX-RS way ({@link dev.portcullis.processor.requirement.DecisionResolver}); and
 * where {@code @RequireExplicitDecisions} requires a decision for every resource method.
 */
package dev.portcullis.processor.requirement;
