package dev.portcullis.internal.manifest;

import dev.portcullis.ScopeManifest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Classes directories and jars as a build leaves them: scope manifest fragments beside the
 * class files they describe. The fragments are the processor's goldens ({@code
 * processor/src/test/resources/goldens/scopes}, copied to {@code manifest/} by this module's
 * build): what the processor writes for its {@code warehouse} and {@code shop} test sources.
 */
public final class ManifestRoots {
  private ManifestRoots() {}

  /** The fixture fragment of {@code type}. */
  public static String fragment(String type) {
    try (InputStream in = ManifestRoots.class.getResourceAsStream("/manifest/" + type + ".json")) {
      if (in == null) {
        throw new AssertionError("No fixture fragment for " + type);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fixture fragments of {@code types} with a class file for each. */
  public static SortedMap<String, String> described(String... types) {
    SortedMap<String, String> entries = new TreeMap<>();
    for (String type : types) {
      entries.putAll(describedAs(type, fragment(type)));
    }
    return entries;
  }

  /** The fragment {@code json} of {@code type} and a class file for it. */
  public static SortedMap<String, String> describedAs(String type, String json) {
    SortedMap<String, String> entries = new TreeMap<>();
    entries.put(ScopeManifest.DIRECTORY + type + ".json", json);
    entries.put(type.replace('.', '/') + ".class", "");
    return entries;
  }

  /** Writes {@code entries}, by path, into the directory {@code root}. */
  public static Path directory(Path root, Map<String, String> entries) throws IOException {
    for (Map.Entry<String, String> entry : entries.entrySet()) {
      Path file = root.resolve(entry.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, entry.getValue(), StandardCharsets.UTF_8);
    }
    return root;
  }

  /** Writes {@code entries} into the jar {@code file}. */
  public static Path jar(Path file, Map<String, String> entries) throws IOException {
    return jar(file, entries, new Manifest());
  }

  /** Writes {@code entries} into the jar {@code file} whose manifest names {@code classPath}. */
  public static Path jarWithClassPath(Path file, Map<String, String> entries, String classPath)
      throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
    return jar(file, entries, manifest);
  }

  private static Path jar(Path file, Map<String, String> entries, Manifest manifest)
      throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file);
        JarOutputStream jar = new JarOutputStream(out, manifest)) {
      for (Map.Entry<String, String> entry : entries.entrySet()) {
        jar.putNextEntry(new JarEntry(entry.getKey()));
        jar.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
        jar.closeEntry();
      }
    }
    return file;
  }
}
