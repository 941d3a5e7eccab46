/**
 * The scope manifest: one fragment {@code META-INF/portcullis/scopes/<binary name>.json} per
 * resource class, client and catalogue, collected by the {@link
 * dev.portcullis.processor.manifest.ScopeManifestStep} and written after the last round.
 */
package dev.portcullis.processor.manifest;
