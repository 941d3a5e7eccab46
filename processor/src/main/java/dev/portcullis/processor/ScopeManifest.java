package dev.portcullis.processor;

import java.util.Comparator;
import java.util.List;

/**
 * Everything {@code META-INF/portcullis/scopes.json} lists, each list sorted so that the same
 * sources give the same bytes.
 *
 * @param endpoints resource methods by path, HTTP method, then Java method
 * @param clients {@code @OAuthClient} interfaces by client name, then interface
 * @param scopes catalogue scopes by scope
 */
record ScopeManifest(
    List<ManifestEndpoint> endpoints, List<ManifestClient> clients, List<CatalogueScope> scopes) {

  ScopeManifest {
    endpoints =
        endpoints.stream()
            .sorted(
                Comparator.comparing(ManifestEndpoint::path)
                    .thenComparing(ManifestEndpoint::httpMethod)
                    .thenComparing(ManifestEndpoint::javaMethod))
            .toList();
    clients =
        clients.stream()
            .sorted(
                Comparator.comparing(ManifestClient::name)
                    .thenComparing(ManifestClient::interfaceName))
            .toList();
    scopes = scopes.stream().sorted(Comparator.comparing(CatalogueScope::scope)).toList();
  }

  boolean isEmpty() {
    return endpoints.isEmpty() && clients.isEmpty() && scopes.isEmpty();
  }

  /**
   * One {@code @OAuthClient} interface.
   *
   * @param name the client name
   * @param interfaceName the qualified interface name
   * @param scopes the requested scopes in declaration order
   */
  record ManifestClient(String name, String interfaceName, List<String> scopes) {
    ManifestClient {
      scopes = List.copyOf(scopes);
    }
  }
}
