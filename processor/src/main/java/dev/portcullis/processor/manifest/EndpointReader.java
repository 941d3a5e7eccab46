package dev.portcullis.processor.manifest;

import dev.portcullis.processor.base.AnnotationNames;
import dev.portcullis.processor.base.Annotations;
import dev.portcullis.processor.base.ElementNames;
import dev.portcullis.processor.base.JaxRsAnnotations;
import dev.portcullis.processor.base.PathTemplate;
import dev.portcullis.processor.base.TypeHierarchy;
import dev.portcullis.processor.requirement.Requirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Describes the resource methods of one resource class for the scope manifest: HTTP method,
 * path template (the class's {@code @Path}, or that of the nearest supertype with one, joined
 * with the method's, inherited the JAX-RS way) and decision.
 */
final class EndpointReader {
  private final ElementNames names;
  private final TypeHierarchy hierarchy;
  private final JaxRsAnnotations jaxRs;

  EndpointReader(ElementNames names, TypeHierarchy hierarchy, JaxRsAnnotations jaxRs) {
    this.names = names;
    this.hierarchy = hierarchy;
    this.jaxRs = jaxRs;
  }

  /**
   * Every resource method of {@code resourceClass}; those in {@code decided} with their
   * requirement.
   *
   * @param satisfying the scopes satisfying a required scope, by the scope hierarchy
   */
  List<ManifestEndpoint> read(
      TypeElement resourceClass,
      List<ExecutableElement> resourceMethods,
      Map<ExecutableElement, Requirement> decided,
      Function<String, List<String>> satisfying) {
    String classPath = classPath(resourceClass);
    List<ManifestEndpoint> endpoints = new ArrayList<>();
    for (ExecutableElement method : resourceMethods) {
      Optional<ExecutableElement> declaration = jaxRs.annotatedDeclaration(method, resourceClass);
      if (declaration.isEmpty()) {
        continue;
      }
      Optional<AnnotationMirror> httpMethod =
          Annotations.find(declaration.get(), jaxRs::isHttpMethod);
      if (httpMethod.isEmpty()) {
        continue;
      }
      String methodPath =
          Annotations.stringValue(declaration.get(), AnnotationNames.PATH).orElse(null);
      Requirement requirement = decided.get(method);
      SortedMap<String, List<String>> satisfiedBy = new TreeMap<>();
      if (requirement != null) {
        for (String scope : requirement.scopes()) {
          satisfiedBy.put(scope, satisfying.apply(scope));
        }
      }
      endpoints.add(
          new ManifestEndpoint(
              JaxRsAnnotations.httpMethodName(httpMethod.get()),
              "/" + PathTemplate.join(classPath, methodPath).template(),
              javaMethod(resourceClass, method),
              Optional.ofNullable(requirement),
              satisfiedBy,
              method));
    }
    return endpoints;
  }

  private String classPath(TypeElement resourceClass) {
    Optional<String> own = Annotations.stringValue(resourceClass, AnnotationNames.PATH);
    if (own.isPresent()) {
      return own.get();
    }
    for (TypeElement supertype : hierarchy.supertypes(resourceClass)) {
      Optional<String> inherited = Annotations.stringValue(supertype, AnnotationNames.PATH);
      if (inherited.isPresent()) {
        return inherited.get();
      }
    }
    return null;
  }

  private String javaMethod(TypeElement resourceClass, ExecutableElement method) {
    StringBuilder javaMethod = new StringBuilder();
    javaMethod.append(resourceClass.getQualifiedName().toString()).append('#');
    javaMethod.append(method.getSimpleName().toString());
    String separator = "(";
    for (VariableElement parameter : method.getParameters()) {
      javaMethod.append(separator).append(names.typeName(parameter.asType()));
      separator = ", ";
    }
    return javaMethod.append(method.getParameters().isEmpty() ? "()" : ")").toString();
  }
}
