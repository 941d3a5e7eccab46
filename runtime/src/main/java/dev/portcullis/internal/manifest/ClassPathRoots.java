package dev.portcullis.internal.manifest;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The directories and jars of a class path, found by listing them rather than by asking a
 * class loader for resources: {@link ClassLoader#getResources} finds a directory inside a jar
 * only when the jar happens to have an entry for it, so it cannot enumerate fragments.
 */
final class ClassPathRoots {
  private ClassPathRoots() {}

  /**
   * {@code java.class.path}, then the URLs of each {@link URLClassLoader} from {@code loader}'s
   * outermost parent down to {@code loader} (the order a parent-first loader looks in), then
   * the jars their manifests' {@code Class-Path} names; each once, absolute.
   */
  static List<Path> of(ClassLoader loader) {
    Set<Path> roots = new LinkedHashSet<>();
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        roots.add(Path.of(entry).toAbsolutePath().normalize());
      }
    }
    Deque<URLClassLoader> parentsFirst = new ArrayDeque<>();
    for (ClassLoader at = loader; at != null; at = at.getParent()) {
      if (at instanceof URLClassLoader urls) {
        parentsFirst.push(urls);
      }
    }
    for (URLClassLoader urls : parentsFirst) {
      for (URL url : urls.getURLs()) {
        fileOf(url).ifPresent(roots::add);
      }
    }
    List<Path> ordered = new ArrayList<>(roots);
    for (int i = 0; i < ordered.size(); i++) {
      for (Path referenced : manifestClassPath(ordered.get(i))) {
        if (roots.add(referenced)) {
          ordered.add(referenced);
        }
      }
    }
    return ordered;
  }

  /** What the {@code Class-Path} of {@code jar}'s manifest names, relative to the jar. */
  private static List<Path> manifestClassPath(Path jar) {
    if (!jar.toString().endsWith(".jar") || !Files.isRegularFile(jar)) {
      return List.of();
    }
    List<Path> referenced = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      Manifest manifest = file.getManifest();
      String classPath = manifest == null
          ? null
          : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
      if (classPath != null && !classPath.isBlank()) {
        for (String entry : classPath.trim().split("\\s+")) {
          try {
            fileOf(jar.getParent().toUri().resolve(entry).toURL()).ifPresent(referenced::add);
          } catch (IOException | IllegalArgumentException e) {
            // The JVM passes over an entry it cannot read; so does the manifest printer.
          }
        }
      }
    } catch (IOException e) {
      return List.of(); // Not a jar, so the class path cannot load from it either.
    }
    return referenced;
  }

  private static Optional<Path> fileOf(URL url) {
    if (!"file".equals(url.getProtocol())) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(url.toURI()).toAbsolutePath().normalize());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
