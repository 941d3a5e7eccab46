package dev.portcullis.test;

import dev.portcullis.PortcullisConfig.DpopPolicy;
import dev.portcullis.ScopeManifest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * Checks a running application against its scope manifest: every endpoint the annotation
 * processor listed is called over HTTP with tokens from a {@link TestIssuer}, and must answer
 * as its rule declares. One line in a test suite:
 *
 * <pre>{@code
 * @Test
 * void everyEndpointIsProtectedAsDeclared() {
 *   SecurityConformance.check(URI.create("http://127.0.0.1:" + port + "/"), issuer);
 * }
 * }</pre>
 *
 * <p>Per endpoint, with the rule's {@code @RequiresScope}, {@code @RequiresToken} or {@code
 * @Public}:
 *
 * <ul>
 *   <li>protected ({@code @RequiresScope}, {@code @RequiresToken}): 401 with a {@code Bearer}
 *       challenge without a token; 401 {@code invalid_token} with an expired token, with a token
 *       for another audience and with a token signed by a key the issuer does not publish, each
 *       otherwise good enough;
 *   <li>{@code @RequiresScope} with match {@code ALL}: 403 {@code insufficient_scope} with a token
 *       lacking each required scope in turn (unless another required scope implies it); with
 *       match {@code ANY}: 403 with a token granting none of them;
 *   <li>let through, that is neither 401 nor 403, with a token granting exactly the scopes it
 *       needs (for {@code ANY} each scope alone; for {@code @RequiresToken} no scope), and with
 *       each scope that the scope hierarchy lets stand in for a required one;
 *   <li>an endpoint that requires DPoP (its {@code dpop}, or the application's {@code
 *       portcullis.dpop} as told by {@link #dpop(DpopPolicy)}), instead of the above: 401 with a
 *       {@code DPoP} challenge alone without a token, with a bearer token and with a DPoP-bound
 *       token whose proof another key signed; 403 {@code insufficient_scope} with a bound token
 *       granting no scope and its proof; let through with a bound token and its proof. One that
 *       allows DPoP gets the bearer cases, and 401 for a bound token sent as a bearer token or
 *       with another key's proof, and is let through with a bound token and its proof;
 *   <li>{@code @Public}: anything but 401 without a token.
 * </ul>
 *
 * <p>Whatever the application answers after the security layer let a request through (200, 404
 * for a made-up id, 400 or 415 for the missing body, ...) passes: the check is about who gets
 * in, not about what the endpoint does. Requests that must be refused go first; those let
 * through do reach the resource method, so run the check against test data.
 *
 * <p>Every endpoint that does not behave as declared is reported, one line each, in one {@link
 * AssertionError}:
 *
 * <pre>
 * 1 of 6 endpoints do not behave as the scope manifest declares, at http://127.0.0.1:41327/:
 *   DELETE /orders/{id} (shop.OrdersResource#delete(String)), sent as DELETE http://127.0.0.1:41327/orders/1: without a token answered 204, expected 401 with a Bearer challenge; with an expired token answered 204, expected 401 invalid_token; ...
 * </pre>
 *
 * <p>or, with {@link #tests()}, as one dynamic test per endpoint and case in a {@code
 * @TestFactory}. Which endpoints: those of the manifest on the class path (the same as {@link
 * ScopeManifest#read(Path...)} reads), or of {@link #manifest(Path...) named} classes directories
 * and jars, optionally only of some {@link #resources(Class...) resource classes}. Endpoints
 * without a decision (Portcullis leaves them alone) are not checked, nor are those of
 * sub-resource classes, whose manifest paths lack their locator's. Path templates get {@value
 * #DEFAULT_PATH_VALUE} unless {@link #pathParameter(String, String)} says otherwise.
 *
 * <p>The application must trust the issuer: configure it with {@link TestIssuer#config()}.
 * Instances are immutable: each option returns a new one.
 */
public final class SecurityConformance {
  /** The value of a path template variable without a {@link #pathParameter(String, String)}. */
  public static final String DEFAULT_PATH_VALUE = "1";

  private final URI baseUri;
  private final TestIssuer issuer;
  private final List<Path> manifest;
  private final Set<String> resources;
  private final Map<String, String> pathParameters;
  private final DpopPolicy dpop;

  private SecurityConformance(URI baseUri, TestIssuer issuer, List<Path> manifest, Set<String> resources,
      Map<String, String> pathParameters, DpopPolicy dpop) {
    this.baseUri = baseUri;
    this.issuer = issuer;
    this.manifest = List.copyOf(manifest);
    this.resources = Set.copyOf(resources);
    this.pathParameters = Map.copyOf(pathParameters);
    this.dpop = dpop;
  }

  /**
   * Checks every endpoint of the scope manifest on the class path against the application at
   * {@code baseUri}; shorthand for {@code SecurityConformance.of(baseUri, issuer).check()}.
   *
   * @throws AssertionError naming every endpoint that does not behave as declared, one per line
   */
  public static void check(URI baseUri, TestIssuer issuer) {
    of(baseUri, issuer).check();
  }

  /**
   * A check of the application at {@code baseUri}, with tokens from {@code issuer}, to narrow
   * down with the options below.
   *
   * @param baseUri the application's base URI, including its application path if it has one
   *     ({@code http://127.0.0.1:8080/api/}); manifest paths are relative to it
   * @param issuer the issuer the application trusts
   */
  public static SecurityConformance of(URI baseUri, TestIssuer issuer) {
    Objects.requireNonNull(baseUri, "baseUri");
    if (!baseUri.isAbsolute() || baseUri.getHost() == null) {
      throw new IllegalArgumentException("The base URI " + baseUri + " is not an absolute http URL such as"
          + " http://127.0.0.1:8080/.");
    }
    return new SecurityConformance(baseUri, Objects.requireNonNull(issuer, "issuer"), List.of(), Set.of(),
        Map.of(), DpopPolicy.OFF);
  }

  /**
   * Only the endpoints of these resource classes: those the application at the base URI serves,
   * when the class path holds others too. Each must have endpoints in the manifest.
   */
  public SecurityConformance resources(Class<?>... resourceClasses) {
    Set<String> names = new LinkedHashSet<>(resources);
    for (Class<?> type : resourceClasses) {
      names.add(type.getName());
    }
    return new SecurityConformance(baseUri, issuer, manifest, names, pathParameters, dpop);
  }

  /**
   * Reads the manifest of these classes directories, jars or fragment files instead of the
   * class path's, for example {@code manifest(Path.of("target/classes"))}.
   */
  public SecurityConformance manifest(Path... locations) {
    List<Path> paths = new ArrayList<>(manifest);
    paths.addAll(List.of(locations));
    return new SecurityConformance(baseUri, issuer, paths, resources, pathParameters, dpop);
  }

  /**
   * The value of the path template variable {@code name} in every path that has it, for
   * example {@code pathParameter("sku", "A-100")} for {@code /stock/{sku: [A-Z]-[0-9]+}}, whose
   * placeholder {@value #DEFAULT_PATH_VALUE} would not match. Encoded as one path segment.
   */
  public SecurityConformance pathParameter(String name, String value) {
    Map<String, String> values = new LinkedHashMap<>(pathParameters);
    values.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return new SecurityConformance(baseUri, issuer, manifest, resources, values, dpop);
  }

  /**
   * The application's {@code portcullis.dpop}, {@code OFF} unless said: with it each endpoint is
   * checked as the stricter of its own {@code dpop} and this one, as Portcullis applies them.
   * The manifest holds only the annotations, so an application configured {@code allowed} or
   * {@code required} must say so here, or its bearer cases fail where bearer tokens are refused.
   */
  public SecurityConformance dpop(DpopPolicy applicationPolicy) {
    return new SecurityConformance(baseUri, issuer, manifest, resources, pathParameters,
        Objects.requireNonNull(applicationPolicy, "applicationPolicy"));
  }

  /**
   * Runs every case of every endpoint.
   *
   * @throws AssertionError naming every endpoint that does not behave as declared, one line
   *     each with every case it failed; or saying why there is nothing to check
   */
  public void check() {
    List<EndpointProbe> probes = probes();
    HttpClient client = client();
    List<String> failures = new ArrayList<>();
    for (EndpointProbe probe : probes) {
      List<String> mismatches = probe.run(client);
      if (!mismatches.isEmpty()) {
        failures.add("  " + probe.title() + ": " + String.join("; ", mismatches));
      }
    }
    if (!failures.isEmpty()) {
      throw new AssertionError(failures.size() + " of " + probes.size() + " endpoints do not behave as the"
          + " scope manifest declares, at " + baseUri + ":\n" + String.join("\n", failures));
    }
  }

  /**
   * The same check as dynamic tests, one container per endpoint and one test per case, for a
   * JUnit 5 {@code @TestFactory}:
   *
   * <pre>{@code
   * @TestFactory
   * Stream<DynamicNode> everyEndpointIsProtectedAsDeclared() {
   *   return SecurityConformance.of(baseUri, issuer).tests();
   * }
   * }</pre>
   *
   * <p>The manifest is read now; requests are sent as the tests run.
   *
   * @throws AssertionError when there is nothing to check, saying why
   */
  public Stream<DynamicNode> tests() {
    List<EndpointProbe> probes = probes();
    HttpClient client = client();
    return probes.stream().map(probe -> DynamicContainer.dynamicContainer(
        probe.endpoint().httpMethod() + " " + probe.endpoint().path(),
        probe.cases().stream().map(check -> DynamicTest.dynamicTest(check.title(), () -> {
          String mismatch = check.mismatch(probe.send(client, check));
          if (mismatch != null) {
            throw new AssertionError(probe.title() + ": " + mismatch);
          }
        }))));
  }

  private List<EndpointProbe> probes() {
    ScopeManifest read;
    try {
      read = ScopeManifest.read(manifest.toArray(Path[]::new));
    } catch (IOException e) {
      throw new AssertionError("Cannot read the scope manifest: " + e.getMessage(), e);
    }
    String where = manifest.isEmpty() ? "on the class path" : "of " + manifest;
    Set<String> unseen = new LinkedHashSet<>(resources);
    List<EndpointProbe> probes = new ArrayList<>();
    for (ScopeManifest.Endpoint endpoint : read.endpoints()) {
      if (!resources.isEmpty() && !resources.contains(endpoint.resourceClass())) {
        continue;
      }
      unseen.remove(endpoint.resourceClass());
      if (endpoint.rule().isEmpty() || !ResourceClasses.isRoot(endpoint.resourceClass())) {
        continue;
      }
      probes.add(new EndpointProbe(endpoint,
          EndpointProbe.resolve(baseUri, endpoint.path(), pathParameters, DEFAULT_PATH_VALUE),
          EndpointCases.of(endpoint.rule().get(), issuer, dpop)));
    }
    if (!unseen.isEmpty()) {
      throw new AssertionError("The scope manifest " + where + " lists no endpoint of " + String.join(", ", unseen)
          + ". Compile it with the Portcullis annotation processor (annotationProcessorPaths), or name the"
          + " classes directory or jar that holds it with manifest(...).");
    }
    if (probes.isEmpty()) {
      throw new AssertionError("The scope manifest " + where + " lists no endpoint with a Portcullis decision"
          + " to check. Compile the application with the Portcullis annotation processor"
          + " (annotationProcessorPaths), or name its classes directory or jar with manifest(...).");
    }
    return probes;
  }

  private static HttpClient client() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }
}
