package dev.portcullis.processor.manifest;

import dev.portcullis.processor.catalogue.CatalogueScope;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * What one type contributes to the scope manifest, written to {@code
 * META-INF/portcullis/scopes/<binary name>.json}: the endpoints of a resource class, the client
 * of an {@code @OAuthClient} interface, the scopes of a {@code @ScopeCatalogue}. Everything in
 * it comes from that type, so the fragment belongs to it alone; each list is sorted so that the
 * same sources give the same bytes.
 *
 * @param typeName the binary name of the type, which names the fragment
 * @param type the type, the fragment's originating element
 * @param endpoints resource methods by path, HTTP method, then Java method
 * @param clients {@code @OAuthClient} interfaces by client name, then interface
 * @param scopes catalogue scopes by scope
 */
record ManifestFragment(
    String typeName,
    TypeElement type,
    List<ManifestEndpoint> endpoints,
    List<ManifestClient> clients,
    List<CatalogueScope> scopes) {

  ManifestFragment {
    endpoints = sorted(endpoints, ManifestFragment::byPathThenMethods);
    clients = sorted(clients, ManifestFragment::byNameThenInterface);
    scopes = sorted(scopes, ManifestFragment::byScope);
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
