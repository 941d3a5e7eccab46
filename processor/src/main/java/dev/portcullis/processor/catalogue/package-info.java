/**
 * The {@code @ScopeCatalogue}s taking part in a compilation and the scope hierarchy their
 * {@code implies} define; the {@link dev.portcullis.processor.catalogue.ScopeCatalogueStep}
 * reports unknown scopes, with the closest catalogue scope, and unused ones.
 */
package dev.portcullis.processor.catalogue;
