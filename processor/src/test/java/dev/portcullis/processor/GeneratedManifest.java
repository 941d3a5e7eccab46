package dev.portcullis.processor;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.tools.JavaFileObject;

/** Reads the scope manifest fragments a compilation wrote into its class output. */
final class GeneratedManifest {
  /** Where the runtime looks for the fragments, one per type, in the class output. */
  static final String DIRECTORY = "META-INF/portcullis/scopes/";

  private static final String FRAGMENTS = "/CLASS_OUTPUT/" + DIRECTORY;

  private GeneratedManifest() {}

  /** Every fragment the compilation wrote, by the binary name of its type. */
  static SortedMap<String, String> fragments(Compilation compilation) {
    SortedMap<String, String> fragments = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      String path = file.toUri().getPath();
      int start = path.indexOf(FRAGMENTS);
      if (start >= 0) {
        String name = path.substring(start + FRAGMENTS.length());
        fragments.put(name.substring(0, name.length() - ".json".length()), text(file));
      }
    }
    return fragments;
  }

  /** The reviewed fragment of the type {@code binaryName}, {@code goldens/scopes/<name>.json}. */
  static String golden(String binaryName) {
    String resource = "/goldens/scopes/" + binaryName + ".json";
    InputStream in = GeneratedManifest.class.getResourceAsStream(resource);
    if (in == null) {
      throw new AssertionError("No golden fragment " + resource);
    }
    return read(in);
  }

  private static String text(JavaFileObject file) {
    try {
      return read(file.openInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(InputStream stream) {
    try (InputStream in = stream) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
