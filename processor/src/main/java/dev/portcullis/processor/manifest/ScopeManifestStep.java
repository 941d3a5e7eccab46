package dev.portcullis.processor.manifest;

import dev.portcullis.processor.base.ProcessingStep;
import dev.portcullis.processor.base.ProcessorContext;
import dev.portcullis.processor.catalogue.CatalogueScope;
import dev.portcullis.processor.catalogue.ScopeCatalogues;
import dev.portcullis.processor.manifest.ManifestFragment.ManifestClient;
import dev.portcullis.processor.requirement.Requirement;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The manifest step: collects what each type of the compilation contributes to the scope
 * manifest and, after the last round, writes one fragment per type: a resource class's
 * endpoints, an {@code @OAuthClient} interface's client, a {@code @ScopeCatalogue}'s scopes. It
 * reads no annotation itself: the resource and client steps hand it what they read cleanly, and
 * the catalogues know their scopes.
 *
 * <p>One fragment per type, never one file for the compilation, because a build that
 * recompiles only some sources (Gradle's incremental compilation, Maven's stale-source
 * detection, an IDE) must leave the fragments of the others in place: the manifest is the union
 * of the fragments in the class output, whatever was recompiled. Catalogues read from class
 * files are left to the jar that compiled them.
 */
public final class ScopeManifestStep implements ProcessingStep {
  private final Elements elements;
  private final EndpointReader endpointReader;
  private final ScopeCatalogues catalogues;
  private final ScopeManifestWriter writer;
  private final SortedMap<String, TypeElement> resourceClasses = new TreeMap<>();
  private final Map<String, List<ManifestEndpoint>> endpointsByClass = new HashMap<>();
  private final SortedMap<String, TypeElement> clientTypes = new TreeMap<>();
  private final Map<String, List<ManifestClient>> clientsByType = new HashMap<>();

  public ScopeManifestStep(ProcessorContext context, ScopeCatalogues catalogues) {
    this.elements = context.elements();
    this.endpointReader =
        new EndpointReader(context.names(), context.hierarchy(), context.jaxRs());
    this.catalogues = catalogues;
    this.writer = new ScopeManifestWriter(context.filer());
  }

  /**
   * Records the resource methods of a resource class read cleanly, those in {@code decided}
   * with their requirement.
   */
  public void addResourceClass(
      TypeElement resourceClass,
      List<ExecutableElement> resourceMethods,
      Map<ExecutableElement, Requirement> decided) {
    if (resourceMethods.isEmpty()) {
      return;
    }
    List<ManifestEndpoint> endpoints =
        endpointReader.read(
            resourceClass,
            resourceMethods,
            decided,
            scope -> List.copyOf(catalogues.satisfying(scope)));
    if (!endpoints.isEmpty()) {
      String name = binaryName(resourceClass);
      resourceClasses.put(name, resourceClass);
      endpointsByClass.put(name, endpoints);
    }
  }

  @Override
  public Set<String> annotations() {
    return Set.of();
  }

  @Override
  public Set<TypeElement> process(
      Map<String, Set<Element>> elementsByAnnotation, boolean lastRound) {
    return Set.of();
  }

  /**
   * Records the client {@code clientName} of the {@code @OAuthClient} interface {@code type},
   * whose stub was generated.
   */
  public void addClient(
      TypeElement type, String clientName, String interfaceName, List<String> scopes) {
    String name = binaryName(type);
    clientTypes.put(name, type);
    clientsByType
        .computeIfAbsent(name, unused -> new ArrayList<>())
        .add(new ManifestClient(clientName, interfaceName, scopes));
  }

  /** Writes the fragments of the resource classes, the clients and the catalogues. */
  @Override
  public void processingOver() throws IOException {
    SortedMap<String, TypeElement> types = new TreeMap<>(resourceClasses);
    types.putAll(clientTypes);
    Map<String, List<CatalogueScope>> scopesByCatalogue = new HashMap<>();
    for (CatalogueScope scope : catalogues.all()) {
      if (scope.fromSources()) {
        String name = binaryName(scope.catalogue());
        types.put(name, scope.catalogue());
        scopesByCatalogue.computeIfAbsent(name, unused -> new ArrayList<>()).add(scope);
      }
    }
    for (Map.Entry<String, TypeElement> type : types.entrySet()) {
      String name = type.getKey();
      writer.write(
          new ManifestFragment(
              name,
              type.getValue(),
              endpointsByClass.getOrDefault(name, List.of()),
              clientsByType.getOrDefault(name, List.of()),
              scopesByCatalogue.getOrDefault(name, List.of())));
    }
  }

  private String binaryName(TypeElement type) {
    return elements.getBinaryName(type).toString();
  }
}
