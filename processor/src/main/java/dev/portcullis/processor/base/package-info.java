/**
 * What every step shares: {@link dev.portcullis.processor.base.ProcessingStep} and {@link
 * dev.portcullis.processor.base.Steps}, which runs the steps and offers deferred types again;
 * the {@link dev.portcullis.processor.base.Message} catalogue, {@link
 * dev.portcullis.processor.base.ValidationReport}s and the {@link
 * dev.portcullis.processor.base.DiagnosticReporter} that prints them; and the helpers for
 * annotation values, element names, the type hierarchy, JAX-RS annotations and the syntax of a
 * scope.
 */
package dev.portcullis.processor.base;
