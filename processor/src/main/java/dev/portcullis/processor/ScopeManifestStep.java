package dev.portcullis.processor;

import dev.portcullis.processor.ResourceClass.BoundMethod;
import dev.portcullis.processor.ScopeManifest.ManifestClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Collects the endpoints of every resource class read in any round and, after the last
 * round, writes the scope manifest with the clients and the catalogue scopes. Aggregating:
 * one file for the whole compilation.
 */
final class ScopeManifestStep {
  private final EndpointReader endpointReader;
  private final ScopeCatalogues catalogues;
  private final ScopeManifestWriter writer;
  private final SortedMap<String, List<ManifestEndpoint>> endpointsByClass = new TreeMap<>();

  ScopeManifestStep(
      EndpointReader endpointReader, ScopeCatalogues catalogues, ScopeManifestWriter writer) {
    this.endpointReader = endpointReader;
    this.catalogues = catalogues;
    this.writer = writer;
  }

  /** Records the resource methods of a resource class read cleanly; {@code bound} decided. */
  void addResourceClass(
      TypeElement resourceClass, List<ExecutableElement> resourceMethods, List<BoundMethod> bound) {
    if (resourceMethods.isEmpty()) {
      return;
    }
    endpointsByClass.put(
        resourceClass.getQualifiedName().toString(),
        endpointReader.read(
            resourceClass,
            resourceMethods,
            bound,
            scope -> List.copyOf(catalogues.satisfying(scope))));
  }

  void finish(List<ClientInterface> clientModels) throws IOException {
    List<ManifestEndpoint> endpoints = new ArrayList<>();
    endpointsByClass.values().forEach(endpoints::addAll);
    List<ManifestClient> clients = new ArrayList<>();
    for (ClientInterface client : clientModels) {
      clients.add(
          new ManifestClient(
              client.clientName(), client.interfaceName().canonicalName(), client.scopes()));
    }
    writer.write(new ScopeManifest(endpoints, clients, catalogues.all()));
  }
}
