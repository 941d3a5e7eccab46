package dev.portcullis.processor;

import java.util.ArrayList;
import java.util.Collections;
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
    endpoints = sorted(endpoints, ScopeManifest::byPathThenMethods);
    clients = sorted(clients, ScopeManifest::byNameThenInterface);
    scopes = sorted(scopes, ScopeManifest::byScope);
  }

  // Plain methods rather than composed comparators, whose lambdas a cold javac would link one
  // by one.
  private static int byPathThenMethods(ManifestEndpoint a, ManifestEndpoint b) {
    int byPath = a.path().compareTo(b.path());
    if (byPath != 0) {
      return byPath;
    }
    int byHttpMethod = a.httpMethod().compareTo(b.httpMethod());
    return byHttpMethod != 0 ? byHttpMethod : a.javaMethod().compareTo(b.javaMethod());
  }

  private static int byNameThenInterface(ManifestClient a, ManifestClient b) {
    int byName = a.name().compareTo(b.name());
    return byName != 0 ? byName : a.interfaceName().compareTo(b.interfaceName());
  }

  private static int byScope(CatalogueScope a, CatalogueScope b) {
    return a.scope().compareTo(b.scope());
  }

  private static <T> List<T> sorted(List<T> list, Comparator<? super T> order) {
    List<T> sorted = new ArrayList<>(list);
    sorted.sort(order);
    return Collections.unmodifiableList(sorted);
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
