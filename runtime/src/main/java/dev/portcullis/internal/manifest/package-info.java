/**
 * The scope manifest's fragments found on the class path or in named directories and jars,
 * merged, turned into endpoints for {@link dev.portcullis.ScopeManifest#read(java.nio.file.Path...)},
 * and printed as tables by {@link dev.portcullis.internal.manifest.ScopeManifestCommand}, the
 * command line that reviews them.
 *
 * <p>Not an API: types here change without notice; programs use {@link
 * dev.portcullis.ScopeManifest}. Only the command's class name is meant to be typed.
 */
package dev.portcullis.internal.manifest;
