package dev.portcullis.processor.base;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * Answers what JAX-RS makes of a type or method, applying its annotation inheritance rule:
 * a method's JAX-RS annotations come from the nearest of the method itself and the methods
 * it overrides that has any JAX-RS annotation at all.
 */
public final class JaxRsAnnotations {

  /** What JAX-RS makes of a method. */
  public enum MethodRole {
    /** It has an HTTP method annotation: requests are dispatched to it. */
    RESOURCE_METHOD,
    /** It has {@code @Path} and no HTTP method: it returns the sub-resource. */
    SUB_RESOURCE_LOCATOR,
    /** JAX-RS does not call it. */
    NONE
  }

  private final Elements elements;
  private final TypeHierarchy hierarchy;
  /** Validation, filters and the manifest each ask for a class's resource methods. */
  private final Map<TypeElement, List<ExecutableElement>> resourceMethodsInRound =
      new HashMap<>();

  public JaxRsAnnotations(Elements elements, TypeHierarchy hierarchy) {
    this.elements = elements;
    this.hierarchy = hierarchy;
  }

  /** Forgets what the previous round found: javac may complete a class again in the next. */
  void startRound() {
    resourceMethodsInRound.clear();
  }

  /**
   * The HTTP method an annotation such as {@code @GET} or a custom {@code @HttpMethod("PURGE")}
   * annotation stands for.
   */
  public static String httpMethodName(AnnotationMirror mirror) {
    TypeElement annotation = (TypeElement) mirror.getAnnotationType().asElement();
    String name = annotation.getQualifiedName().toString();
    if (AnnotationNames.STANDARD_HTTP_METHODS.contains(name)) {
      return annotation.getSimpleName().toString();
    }
    return Annotations.stringValue(annotation, AnnotationNames.HTTP_METHOD).orElse(name);
  }

  /** The role of {@code method} as a member of {@code type}, ignoring its modifiers. */
  public MethodRole role(ExecutableElement method, TypeElement type) {
    List<ExecutableElement> chain = new ArrayList<>();
    chain.add(method);
    chain.addAll(hierarchy.overridden(method, type));
    for (ExecutableElement candidate : chain) {
      if (hasJaxRsAnnotation(candidate)) {
        for (AnnotationMirror mirror : candidate.getAnnotationMirrors()) {
          if (isHttpMethod(mirror)) {
            return MethodRole.RESOURCE_METHOD;
          }
        }
        return hasAnnotation(candidate, AnnotationNames.PATH)
            ? MethodRole.SUB_RESOURCE_LOCATOR
            : MethodRole.NONE;
      }
    }
    return MethodRole.NONE;
  }

  /**
   * The declaration whose JAX-RS annotations apply to {@code method} as a member of {@code
   * type}: the nearest of the method and the methods it overrides with any JAX-RS annotation.
   */
  public Optional<ExecutableElement> annotatedDeclaration(
      ExecutableElement method, TypeElement type) {
    List<ExecutableElement> chain = new ArrayList<>();
    chain.add(method);
    chain.addAll(hierarchy.overridden(method, type));
    for (ExecutableElement candidate : chain) {
      if (hasJaxRsAnnotation(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Whether JAX-RS dispatches requests to {@code method} as a member of {@code type}. */
  boolean isResourceMethod(ExecutableElement method, TypeElement type) {
    return method.getModifiers().contains(Modifier.PUBLIC)
        && !method.getModifiers().contains(Modifier.STATIC)
        && role(method, type) == MethodRole.RESOURCE_METHOD;
  }

  /** The resource methods of {@code type}, own and inherited. */
  public List<ExecutableElement> resourceMethods(TypeElement type) {
    List<ExecutableElement> methods = resourceMethodsInRound.get(type);
    if (methods == null) {
      List<ExecutableElement> found = new ArrayList<>();
      for (ExecutableElement method : hierarchy.instanceMethods(type)) {
        if (isResourceMethod(method, type)) {
          found.add(method);
        }
      }
      methods = List.copyOf(found);
      resourceMethodsInRound.put(type, methods);
    }
    return methods;
  }

  /** Whether {@code type} is a resource class or API interface: @Path or resource methods. */
  public boolean isResourceType(TypeElement type) {
    return hasAnnotation(type, AnnotationNames.PATH) || !resourceMethods(type).isEmpty();
  }

  /**
   * The supertypes of {@code type} with {@code @Path}: API interfaces, whose packages may hold
   * catalogues.
   */
  public List<TypeElement> apiTypesAbove(TypeElement type) {
    List<TypeElement> apiTypes = new ArrayList<>();
    for (TypeElement supertype : hierarchy.supertypes(type)) {
      if (hasAnnotation(supertype, AnnotationNames.PATH)) {
        apiTypes.add(supertype);
      }
    }
    return apiTypes;
  }

  /**
   * A cheap first look, so that the ordinary classes of a large compilation cost no override
   * analysis: whether the class or a supertype has {@code @Path} or a method with a JAX-RS
   * annotation.
   */
  public boolean mayBeResourceClass(TypeElement type) {
    List<TypeElement> types = new ArrayList<>();
    types.add(type);
    types.addAll(hierarchy.supertypes(type));
    for (TypeElement candidate : types) {
      if (hasAnnotation(candidate, AnnotationNames.PATH)) {
        return true;
      }
      for (Element member : candidate.getEnclosedElements()) {
        if (member instanceof ExecutableElement method && hasJaxRsAnnotation(method)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean hasJaxRsAnnotation(ExecutableElement method) {
    if (hasJaxRsAnnotation((Element) method)) {
      return true;
    }
    for (VariableElement parameter : method.getParameters()) {
      if (hasJaxRsAnnotation(parameter)) {
        return true;
      }
    }
    return false;
  }

  private boolean hasJaxRsAnnotation(Element element) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (isJaxRs(mirror)) {
        return true;
      }
    }
    return false;
  }

  private boolean isJaxRs(AnnotationMirror mirror) {
    TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
    String packageName = elements.getPackageOf(type).getQualifiedName().toString();
    return packageName.equals(AnnotationNames.JAXRS_PACKAGE)
        || packageName.startsWith(AnnotationNames.JAXRS_PACKAGE + ".")
        || isHttpMethod(mirror);
  }

  /** Standard HTTP method annotations and custom ones meta-annotated with {@code @HttpMethod}. */
  public boolean isHttpMethod(AnnotationMirror mirror) {
    TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
    return AnnotationNames.STANDARD_HTTP_METHODS.contains(type.getQualifiedName().toString())
        || hasAnnotation(type, AnnotationNames.HTTP_METHOD);
  }

  private static boolean hasAnnotation(Element element, String qualifiedName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(qualifiedName)) {
        return true;
      }
    }
    return false;
  }
}
