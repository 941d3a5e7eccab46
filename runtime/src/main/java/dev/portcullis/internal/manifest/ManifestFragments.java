package dev.portcullis.internal.manifest;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.portcullis.ScopeManifest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The scope manifest fragments of class directories and jars, merged into one manifest. The
 * processor writes one fragment per type, {@link ScopeManifest#DIRECTORY}{@code <binary
 * name>.json}; a directory or jar lists what all of its fragments list, whichever compilation
 * wrote each of them.
 *
 * <p>Two rules keep the union truthful. A fragment whose class file is not in the same
 * directory or jar describes a class that is gone (a stale build output) and is left out. A
 * type with fragments in two places is listed once, from the place read first: on a class path
 * the entry its class is loaded from; where the two fragments differ, a warning names both.
 */
public final class ManifestFragments {
  private static final String DIRECTORY = ScopeManifest.DIRECTORY;

  private record Fragment(String source, String json) {}

  private final Map<String, Fragment> byType = new LinkedHashMap<>();
  private final Set<String> sources = new LinkedHashSet<>();
  private final List<String> warnings = new ArrayList<>();

  /**
   * Adds the fragments of a classes directory, a jar, or one fragment file.
   *
   * @return how many fragment files {@code root} holds, stale or not
   */
  public int add(Path root) throws IOException {
    if (Files.isDirectory(root)) {
      return addDirectory(root);
    }
    if (!Files.isRegularFile(root)) {
      throw new IOException(root + " does not exist");
    }
    String name = root.getFileName().toString();
    if (name.endsWith(".json")) {
      SortedMap<String, String> fragment = new TreeMap<>();
      fragment.put(typeName(name), Files.readString(root, StandardCharsets.UTF_8));
      return add(root.toString(), fragment, classFile -> true);
    }
    return addJar(root);
  }

  /**
   * Adds the fragments of every directory and jar of the class path: {@code java.class.path},
   * the URLs of each {@link URLClassLoader} from {@code loader}'s outermost parent down to
   * {@code loader}, and the jars their manifests' {@code Class-Path} names, in that order.
   *
   * @return how many fragment files they hold
   */
  public int addClassPath(ClassLoader loader) throws IOException {
    int found = 0;
    for (Path root : ClassPathRoots.of(loader)) {
      String name = root.getFileName() == null ? "" : root.getFileName().toString();
      if (Files.isDirectory(root) || (Files.isRegularFile(root) && isArchive(name))) {
        found += add(root);
      }
    }
    return found;
  }

  /** The directories and jars the listed fragments come from, in the order read. */
  List<String> sources() {
    return List.copyOf(sources);
  }

  /** Stale fragments left out and types described differently in two places. */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  /**
   * The endpoints, clients and catalogue scopes of every listed fragment in one manifest of
   * the fragments' shape, each list sorted as the processor sorts a fragment's.
   */
  Map<String, Object> merged() throws IOException {
    List<Map<String, Object>> endpoints = new ArrayList<>();
    List<Map<String, Object>> clients = new ArrayList<>();
    List<Map<String, Object>> scopes = new ArrayList<>();
    for (Map<String, Object> json : parsed().values()) {
      endpoints.addAll(ManifestTables.objects(json.get("endpoints")));
      clients.addAll(ManifestTables.objects(json.get("clients")));
      scopes.addAll(ManifestTables.objects(json.get("scopes")));
    }
    endpoints.sort(by("path").thenComparing(by("httpMethod")).thenComparing(by("javaMethod")));
    clients.sort(by("name").thenComparing(by("interface")));
    scopes.sort(by("scope").thenComparing(by("catalogue")));
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("endpoints", endpoints);
    manifest.put("clients", clients);
    manifest.put("scopes", scopes);
    return manifest;
  }

  /** Every listed fragment, parsed, by the binary name of the type it describes, in the order read. */
  public Map<String, Map<String, Object>> parsed() throws IOException {
    Map<String, Map<String, Object>> parsed = new LinkedHashMap<>();
    for (Map.Entry<String, Fragment> entry : byType.entrySet()) {
      Fragment fragment = entry.getValue();
      try {
        parsed.put(entry.getKey(), JSONObjectUtils.parse(fragment.json()));
      } catch (ParseException e) {
        throw new IOException("The fragment of " + entry.getKey() + " in " + fragment.source()
            + " is not JSON: " + e.getMessage(), e);
      }
    }
    return parsed;
  }

  private static Comparator<Map<String, Object>> by(String key) {
    return Comparator.comparing(object -> ManifestTables.text(object.get(key)));
  }

  private int addDirectory(Path root) throws IOException {
    Path directory = root.resolve(DIRECTORY);
    if (!Files.isDirectory(directory)) {
      return 0;
    }
    SortedMap<String, String> fragments = new TreeMap<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".json") && Files.isRegularFile(file)) {
          fragments.put(typeName(name), Files.readString(file, StandardCharsets.UTF_8));
        }
      }
    }
    return add(root.toString(), fragments, classFile -> Files.isRegularFile(root.resolve(classFile)));
  }

  private int addJar(Path jar) throws IOException {
    try (ZipFile zip = open(jar)) {
      SortedMap<String, String> fragments = new TreeMap<>();
      for (ZipEntry entry : Collections.list(zip.entries())) {
        String name = entry.getName();
        if (name.startsWith(DIRECTORY) && name.endsWith(".json")
            && name.indexOf('/', DIRECTORY.length()) < 0) {
          try (InputStream in = zip.getInputStream(entry)) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            fragments.put(typeName(name.substring(DIRECTORY.length())), json);
          }
        }
      }
      return add(jar.toString(), fragments, classFile -> zip.getEntry(classFile) != null);
    }
  }

  /** Adds {@code fragments}, by type, of the directory or jar {@code source}. */
  private int add(String source, SortedMap<String, String> fragments, Predicate<String> hasClass) {
    for (Map.Entry<String, String> fragment : fragments.entrySet()) {
      String type = fragment.getKey();
      String classFile = type.replace('.', '/') + ".class";
      if (!hasClass.test(classFile)) {
        warnings.add("Left out " + DIRECTORY + type + ".json of " + source + ": there is no "
            + classFile + " beside it, so it describes a class that is gone. Rebuild from clean"
            + " to remove it.");
        continue;
      }
      Fragment first = byType.putIfAbsent(type, new Fragment(source, fragment.getValue()));
      if (first == null) {
        sources.add(source);
      } else if (!first.json().equals(fragment.getValue())) {
        warnings.add("Two different scope manifest fragments describe " + type + ", in "
            + first.source() + " and in " + source + ". Listing the one in " + first.source()
            + ", read first, as the class is loaded from the first entry that has it; rebuild"
            + " or remove the other.");
      }
    }
    return fragments.size();
  }

  private static ZipFile open(Path jar) throws IOException {
    try {
      return new ZipFile(jar.toFile());
    } catch (ZipException e) {
      throw new IOException(jar + " is neither a classes directory, a jar nor a fragment", e);
    }
  }

  private static String typeName(String fileName) {
    return fileName.substring(0, fileName.length() - ".json".length());
  }

  private static boolean isArchive(String fileName) {
    return fileName.endsWith(".jar") || fileName.endsWith(".zip");
  }
}
