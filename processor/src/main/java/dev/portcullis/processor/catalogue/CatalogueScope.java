package dev.portcullis.processor.catalogue;

import dev.portcullis.processor.base.ElementNames;
import dev.portcullis.processor.requirement.PortcullisAnnotation.ScopeValue;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * One scope of a {@code @ScopeCatalogue}: a {@code String} constant with its {@code
 * @ScopeDescription}.
 *
 * @param scope the constant's value, a valid scope-token
 * @param description what the scope allows
 * @param implies the scopes it implies, with the values to report problems at
 * @param catalogue the catalogue interface
 * @param constant the constant, to report problems at
 * @param descriptionMirror its {@code @ScopeDescription}
 * @param fromSources whether the catalogue is compiled now rather than read from a class file
 */
public record CatalogueScope(
    String scope,
    String description,
    List<ScopeValue> implies,
    TypeElement catalogue,
    VariableElement constant,
    AnnotationMirror descriptionMirror,
    boolean fromSources) {

  public CatalogueScope {
    implies = List.copyOf(implies);
  }

  /** The qualified name of the catalogue interface. */
  public String catalogueName() {
    return catalogue.getQualifiedName().toString();
  }

  /** How the constant is written in source: {@code OrdersScopes.READ}. */
  String constantName() {
    return String.join(".", ElementNames.nestedNames(catalogue)) + "." + constant.getSimpleName();
  }

  /** The implied scopes, without positions. */
  public List<String> impliedScopes() {
    return implies.stream().map(ScopeValue::scope).toList();
  }
}
