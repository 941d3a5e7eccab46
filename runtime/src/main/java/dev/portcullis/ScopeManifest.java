package dev.portcullis;

import dev.portcullis.spi.AccessRule;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Prints the scope manifest of an application as tables, for review: every endpoint with its
 * HTTP method, path and decision, every generated client with its scopes, every catalogue
 * scope with its description.
 *
 * <p>The annotation processor writes the manifest in fragments, one per resource class,
 * {@code @OAuthClient} interface and {@code @ScopeCatalogue} ({@value #DIRECTORY}{@code
 * <binary name>.json}), so that a build that recompiles only some classes keeps the others'.
 * This printer merges every fragment it finds:
 *
 * <pre>{@code
 * # every directory and jar on the class path
 * java -cp portcullis-runtime.jar:nimbus-jose-jwt.jar:my-app.jar dev.portcullis.ScopeManifest
 * # or named ones: classes directories, jars, single fragments
 * java -cp ... dev.portcullis.ScopeManifest target/classes other-api.jar
 * }</pre>
 *
 * <p>A fragment without its class file beside it, left behind by a build that deleted the
 * class, is left out with a warning. A type with fragments in two places is listed from the
 * first (named first, or first on the class path, where its class is loaded from), with a
 * warning when the two differ. Exits with status 1, saying why, when a named directory or jar
 * has no fragment or nothing is found to list.
 *
 * <p>Programs read the same merged manifest with {@link #read(Path...)}, for example to check in
 * a test that no endpoint was left without a decision:
 *
 * <pre>{@code
 * for (ScopeManifest.Endpoint endpoint : ScopeManifest.read(Path.of("target/classes")).endpoints()) {
 *   assertTrue(endpoint.rule().isPresent(), endpoint + " has no Portcullis decision");
 * }
 * }</pre>
 */
public final class ScopeManifest {
  /** Where the annotation processor writes the fragments in the class output. */
  public static final String DIRECTORY = "META-INF/portcullis/scopes/";

  /**
   * One resource method as the manifest lists it: where JAX-RS serves it and what Portcullis
   * requires of a request to it.
   *
   * @param resourceClass the binary name of the resource class that serves it (an inherited
   *     method is listed under that class), as {@link Class#forName(String)} takes it
   * @param httpMethod {@code GET}, {@code POST}, ... or a custom {@code @HttpMethod}'s name
   * @param path the class's and the method's {@code @Path} joined, relative to the application
   *     path, template variables without their regular expressions ({@code /orders/{id}}); a
   *     sub-resource class shows only its own paths, without its locator's
   * @param javaMethod {@code package.ResourceClass#method(ParameterSimpleNames)}
   * @param rule what the generated filter requires, the scope hierarchy included; empty when the
   *     method has no decision, so Portcullis leaves it alone
   */
  public record Endpoint(
      String resourceClass, String httpMethod, String path, String javaMethod, Optional<AccessRule> rule) {
    /** Checks that no component is {@code null}. */
    public Endpoint {
      Objects.requireNonNull(resourceClass, "resourceClass");
      Objects.requireNonNull(httpMethod, "httpMethod");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(javaMethod, "javaMethod");
      Objects.requireNonNull(rule, "rule");
    }

    /** {@code GET /orders/{id} (shop.OrdersResource#get(String))}. */
    @Override
    public String toString() {
      return httpMethod + " " + path + " (" + javaMethod + ")";
    }
  }

  private final List<Endpoint> endpoints;
  private final List<String> warnings;

  private ScopeManifest(List<Endpoint> endpoints, List<String> warnings) {
    this.endpoints = endpoints;
    this.warnings = warnings;
  }

  /**
   * Reads and merges the fragments of classes directories, jars or single fragment files, or,
   * with none named, of every directory and jar on the class path ({@code java.class.path}, the
   * URLs of the context class loader and its parents, and the jars their manifests name in
   * {@code Class-Path}), as the printer does. The same two rules apply: a fragment whose class
   * file is not beside it is left out, and a type described in two places is read from the first;
   * {@link #warnings()} says so.
   *
   * @param locations classes directories, jars or fragment files; none for the class path
   * @return the merged manifest; without {@code locations} it may be empty
   * @throws IOException when a named location does not exist or holds no fragment, when a
   *     fragment cannot be read or is not JSON, or when it was written in a newer format
   */
  public static ScopeManifest read(Path... locations) throws IOException {
    ManifestFragments fragments = new ManifestFragments();
    if (locations.length == 0) {
      fragments.addClassPath(Thread.currentThread().getContextClassLoader());
    }
    for (Path location : locations) {
      if (fragments.add(location) == 0) {
        throw new IOException(location + " has no " + DIRECTORY
            + "; was it compiled with the Portcullis annotation processor?");
      }
    }
    return new ScopeManifest(ManifestEndpoints.of(fragments.parsed()), fragments.warnings());
  }

  /** Every endpoint, sorted by path, HTTP method and Java method. */
  public List<Endpoint> endpoints() {
    return endpoints;
  }

  /** Fragments left out as stale, and types described differently in two places; one sentence each. */
  public List<String> warnings() {
    return warnings;
  }

  /**
   * Prints the manifest of the directories and jars named by {@code args}, or of the class path.
   *
   * @param args classes directories, jars or fragment files; none for the class path
   */
  public static void main(String[] args) {
    int status = print(List.of(args), System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Prints the tables to {@code out} and warnings to {@code err}; returns the exit status. */
  static int print(List<String> paths, PrintStream out, PrintStream err) {
    try {
      ManifestFragments fragments = new ManifestFragments();
      if (paths.isEmpty()
          && fragments.addClassPath(Thread.currentThread().getContextClassLoader()) == 0) {
        err.println("No " + DIRECTORY + " on the class path. Add the application's jar or"
            + " classes directory to -cp, or name it: ScopeManifest target/classes");
        return 1;
      }
      for (String path : paths) {
        if (fragments.add(Path.of(path)) == 0) {
          err.println(path + " has no " + DIRECTORY
              + "; was it compiled with the Portcullis annotation processor?");
          return 1;
        }
      }
      fragments.warnings().forEach(err::println);
      if (fragments.sources().isEmpty()) {
        err.println("No scope manifest fragment is left to list.");
        return 1;
      }
      out.print(ManifestTables.render(fragments.sources(), fragments.merged()));
      return 0;
    } catch (IOException | RuntimeException e) {
      err.println("Cannot print the scope manifest: " + e.getMessage());
      return 1;
    }
  }
}
