package dev.portcullis;

import dev.portcullis.internal.manifest.ManifestEndpoints;
import dev.portcullis.internal.manifest.ManifestFragments;
import dev.portcullis.spi.AccessRule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The scope manifest of an application: every endpoint with its HTTP method, path and
 * decision, read from the fragments the annotation processor writes.
 *
 * <p>The processor writes the manifest in fragments, one per resource class, {@code
 * @OAuthClient} interface and {@code @ScopeCatalogue} ({@value #DIRECTORY}{@code <binary
 * name>.json}), so that a build that recompiles only some classes keeps the others'. {@link
 * #read(Path...)} merges every fragment it finds; a fragment without its class file beside it,
 * left behind by a build that deleted the class, is left out, and a type with fragments in two
 * places is read from the first (named first, or first on the class path, where its class is
 * loaded from), each with a {@linkplain #warnings() warning}. A test can check, for example,
 * that no endpoint was left without a decision:
 *
 * <pre>{@code
 * for (ScopeManifest.Endpoint endpoint : ScopeManifest.read(Path.of("target/classes")).endpoints()) {
 *   assertTrue(endpoint.rule().isPresent(), endpoint + " has no Portcullis decision");
 * }
 * }</pre>
 *
 * <p>To print the manifest as tables for review (endpoints, generated clients and catalogue
 * scopes), run the runtime's command:
 *
 * <pre>{@code
 * # every directory and jar on the class path
 * java -cp portcullis-runtime.jar:nimbus-jose-jwt.jar:my-app.jar dev.portcullis.internal.manifest.ScopeManifestCommand
 * # or named ones: classes directories, jars, single fragments
 * java -cp ... dev.portcullis.internal.manifest.ScopeManifestCommand target/classes other-api.jar
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
   * {@code Class-Path}), as the printing command does. The same two rules apply: a fragment whose class
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
}
