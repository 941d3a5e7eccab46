package dev.portcullis;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Prints the scope manifests the annotation processor writes to {@code
 * META-INF/portcullis/scopes.json} as tables, for review: every endpoint with its HTTP method,
 * path and decision, every generated client with its scopes, every catalogue scope with its
 * description.
 *
 * <pre>{@code
 * # every manifest on the class path
 * java -cp portcullis-runtime.jar:nimbus-jose-jwt.jar:my-app.jar dev.portcullis.ScopeManifest
 * # or named manifests: a scopes.json, a jar, or a classes directory
 * java -cp ... dev.portcullis.ScopeManifest target/classes other-api.jar
 * }</pre>
 *
 * <p>Exits with status 1, saying why, when a named file has no manifest or none is found.
 */
public final class ScopeManifest {
  /** Where the annotation processor writes the manifest in the class output. */
  public static final String RESOURCE = "META-INF/portcullis/scopes.json";

  private ScopeManifest() {}

  /**
   * Prints the manifests named by {@code args}, or every one on the class path.
   *
   * @param args paths to {@code scopes.json} files, jars or class directories; none for the
   *     class path
   */
  public static void main(String[] args) {
    int status = print(List.of(args), System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Prints the tables to {@code out}; returns the exit status. */
  static int print(List<String> paths, PrintStream out, PrintStream err) {
    try {
      List<Map.Entry<String, String>> manifests = paths.isEmpty() ? fromClassPath() : new ArrayList<>();
      for (String path : paths) {
        manifests.add(Map.entry(path, read(Path.of(path))));
      }
      if (manifests.isEmpty()) {
        err.println("No " + RESOURCE + " on the class path. Add the application's jar or classes"
            + " directory to -cp, or name it: ScopeManifest target/classes");
        return 1;
      }
      for (Map.Entry<String, String> manifest : manifests) {
        out.print(ManifestTables.render(manifest.getKey(), JSONObjectUtils.parse(manifest.getValue())));
      }
      return 0;
    } catch (IOException | ParseException | RuntimeException e) {
      err.println("Cannot print the scope manifest: " + e.getMessage());
      return 1;
    }
  }

  private static List<Map.Entry<String, String>> fromClassPath() throws IOException {
    List<Map.Entry<String, String>> manifests = new ArrayList<>();
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    for (URL url : Collections.list(loader.getResources(RESOURCE))) {
      try (InputStream in = url.openStream()) {
        manifests.add(Map.entry(url.toString(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      }
    }
    return manifests;
  }

  private static String read(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      return Files.readString(path.resolve(RESOURCE), StandardCharsets.UTF_8);
    }
    String name = path.getFileName().toString();
    if (name.endsWith(".jar") || name.endsWith(".zip") || name.endsWith(".war")) {
      try (ZipFile zip = new ZipFile(path.toFile())) {
        ZipEntry entry = zip.getEntry(RESOURCE);
        if (entry == null) {
          throw new IOException(path + " has no " + RESOURCE
              + "; was it compiled with the Portcullis annotation processor?");
        }
        try (InputStream in = zip.getInputStream(entry)) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    return Files.readString(path, StandardCharsets.UTF_8);
  }
}
