package dev.portcullis.processor;

import dev.portcullis.processor.ResourceClass.BoundMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Describes the resource methods of one resource class for the scope manifest: HTTP method,
 * path template (the class's {@code @Path}, or that of the nearest supertype with one, joined
 * with the method's, inherited the JAX-RS way) and decision.
 */
final class EndpointReader {
  private final Types types;
  private final MethodHierarchy hierarchy;
  private final JaxRsAnnotations jaxRs;

  EndpointReader(Types types, MethodHierarchy hierarchy, JaxRsAnnotations jaxRs) {
    this.types = types;
    this.hierarchy = hierarchy;
    this.jaxRs = jaxRs;
  }

  /**
   * Every resource method of {@code resourceClass}; those in {@code bound} with their decision.
   *
   * @param satisfying the scopes satisfying a required scope, by the scope hierarchy
   */
  List<ManifestEndpoint> read(
      TypeElement resourceClass,
      List<ExecutableElement> resourceMethods,
      List<BoundMethod> bound,
      Function<String, List<String>> satisfying) {
    String classPath = classPath(resourceClass);
    List<ManifestEndpoint> endpoints = new ArrayList<>();
    for (ExecutableElement method : resourceMethods) {
      Optional<ExecutableElement> declaration = jaxRs.annotatedDeclaration(method, resourceClass);
      Optional<String> httpMethod =
          declaration.flatMap(d -> Annotations.find(d, jaxRs::isHttpMethod)).map(JaxRsAnnotations::httpMethodName);
      if (httpMethod.isEmpty()) {
        continue;
      }
      String methodPath =
          Annotations.stringValue(declaration.get(), AnnotationNames.PATH).orElse(null);
      Optional<Requirement> requirement =
          bound.stream()
              .filter(b -> b.element().equals(method))
              .map(b -> b.decision().requirement())
              .findFirst();
      SortedMap<String, List<String>> satisfiedBy = new TreeMap<>();
      requirement.ifPresent(r -> r.scopes().forEach(s -> satisfiedBy.put(s, satisfying.apply(s))));
      endpoints.add(
          new ManifestEndpoint(
              httpMethod.get(),
              "/" + PathTemplate.join(classPath, methodPath).template(),
              javaMethod(resourceClass, method),
              requirement,
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
    String parameters =
        method.getParameters().stream()
            .map(VariableElement::asType)
            .map(this::simpleName)
            .collect(Collectors.joining(", "));
    return resourceClass.getQualifiedName() + "#" + method.getSimpleName() + "(" + parameters + ")";
  }

  private String simpleName(TypeMirror type) {
    TypeMirror erased = types.erasure(type);
    if (erased instanceof ArrayType array) {
      return simpleName(array.getComponentType()) + "[]";
    }
    if (erased instanceof DeclaredType declared) {
      return declared.asElement().getSimpleName().toString();
    }
    return erased.toString();
  }
}
