package dev.portcullis.processor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@code META-INF/services/dev.portcullis.spi.ScopeBinding}, once, after the last
 * round, listing every binding generated in any round, sorted so that the file is the same
 * for the same input.
 */
final class ServiceFileWriter {
  static final String PATH = "META-INF/services/" + AnnotationNames.SCOPE_BINDING;

  private final Filer filer;
  private final Elements elements;

  ServiceFileWriter(Filer filer, Elements elements) {
    this.filer = filer;
    this.elements = elements;
  }

  /**
   * Writes {@code bindings} merged with the entries an earlier incremental build left that
   * still name existing classes (best effort: the build tool may have removed the file).
   */
  void write(Set<String> bindings) throws IOException {
    if (bindings.isEmpty()) {
      // Nothing to register; do not even look for an old file, so that a compilation
      // without resource classes leaves no trace.
      return;
    }
    SortedSet<String> entries = new TreeSet<>(bindings);
    for (String previous : readExisting()) {
      if (elements.getTypeElement(previous) instanceof TypeElement) {
        entries.add(previous);
      }
    }
    FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", PATH);
    try (Writer writer = file.openWriter()) {
      for (String entry : entries) {
        writer.write(entry);
        writer.write('\n');
      }
    }
  }

  private SortedSet<String> readExisting() {
    SortedSet<String> existing = new TreeSet<>();
    try {
      FileObject file = filer.getResource(StandardLocation.CLASS_OUTPUT, "", PATH);
      try (Reader reader = file.openReader(true);
          BufferedReader lines = new BufferedReader(reader)) {
        String line;
        while ((line = lines.readLine()) != null) {
          int comment = line.indexOf('#');
          String entry = (comment >= 0 ? line.substring(0, comment) : line).trim();
          if (!entry.isEmpty()) {
            existing.add(entry);
          }
        }
      }
    } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
      // No file from an earlier build (the usual case), or a file manager that cannot read
      // its output: write only what this compilation generated.
    }
    return existing;
  }
}
