package dev.portcullis.processor.resource;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.portcullis.processor.base.ElementNames;
import dev.portcullis.processor.base.JaxRsAnnotations;
import dev.portcullis.processor.base.ReadResult;
import dev.portcullis.processor.base.ReadResult.Status;
import dev.portcullis.processor.base.Message;
import dev.portcullis.processor.base.TypeHierarchy;
import dev.portcullis.processor.base.ValidationReport;
import dev.portcullis.processor.requirement.Decision;
import dev.portcullis.processor.requirement.DecisionResolver;
import dev.portcullis.processor.requirement.DeclaredRequirements.Consultation;
import dev.portcullis.processor.resource.ResourceClass.BoundMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Builds the {@link ResourceClass} model of one concrete resource class: its resource
 * methods, own and inherited, each with the requirement {@link DecisionResolver} finds.
 */
final class ResourceClassReader {

  private final Elements elements;
  private final Types types;
  private final TypeHierarchy hierarchy;
  private final JaxRsAnnotations jaxRs;
  private final DecisionResolver resolver;
  private final ElementNames names;

  ResourceClassReader(
      Elements elements,
      Types types,
      TypeHierarchy hierarchy,
      JaxRsAnnotations jaxRs,
      DecisionResolver resolver,
      ElementNames names) {
    this.elements = elements;
    this.types = types;
    this.hierarchy = hierarchy;
    this.jaxRs = jaxRs;
    this.resolver = resolver;
    this.names = names;
  }

  /**
   * The model of {@code resourceClass}; {@link Status#NOTHING_TO_GENERATE} when no resource
   * method has a requirement.
   */
  ReadResult<ResourceClass> read(TypeElement resourceClass) {
    ValidationReport.Builder report = ValidationReport.builder();
    if (hierarchy.hasMissingSupertype(resourceClass)) {
      return ReadResult.without(Status.DEFERRED, report);
    }
    if (!jaxRs.mayBeResourceClass(resourceClass)) {
      return ReadResult.without(Status.NOTHING_TO_GENERATE, report);
    }
    Consultation consultation = new Consultation(report);
    // Raw for a generic class: the generated filter names it so.
    DeclaredType resourceType = types.getDeclaredType(resourceClass);
    List<BoundMethod> methods = new ArrayList<>();
    for (ExecutableElement method : jaxRs.resourceMethods(resourceClass)) {
      List<ExecutableElement> overridden = hierarchy.overridden(method, resourceClass);
      Optional<Decision> decision =
          resolver.resolve(resourceClass, method, overridden, consultation);
      if (decision.isEmpty()) {
        continue;
      }
      List<TypeMirror> named = new ArrayList<>();
      List<TypeName> parameterClasses = new ArrayList<>();
      for (VariableElement parameter : method.getParameters()) {
        TypeMirror erased = types.erasure(parameter.asType());
        if (TypeHierarchy.refersToMissingType(erased)) {
          return ReadResult.without(Status.DEFERRED, report);
        }
        named.add(erased);
        parameterClasses.add(TypeName.get(erased));
      }
      List<TypeName> argumentTypes = new ArrayList<>();
      ExecutableType member = (ExecutableType) types.asMemberOf(resourceType, method);
      for (TypeMirror parameter : member.getParameterTypes()) {
        TypeMirror erased = types.erasure(parameter);
        named.add(erased);
        argumentTypes.add(TypeName.get(erased));
      }
      for (TypeMirror erased : named) {
        if (!isReachable(erased, resourceClass)) {
          report.report(
              Message.FILTER_CANNOT_NAME_TYPE,
              method.getEnclosingElement().equals(resourceClass) ? method : resourceClass,
              erased.toString(),
              resourceClass.getQualifiedName() + "." + method.getSimpleName() + "()",
              ResourceClass.filterNameOf(ClassName.get(resourceClass)).simpleName());
          return ReadResult.without(Status.INVALID, report);
        }
      }
      methods.add(
          new BoundMethod(
              method.getSimpleName().toString(),
              parameterClasses,
              argumentTypes,
              decision.get(),
              describe(decision.get().source()),
              method,
              new TreeMap<>()));
    }
    if (consultation.malformed()) {
      return ReadResult.without(Status.DEFERRED, report);
    }
    boolean invalid = consultation.invalid() || !report.isClean();
    if (methods.isEmpty()) {
      return ReadResult.without(invalid ? Status.INVALID : Status.NOTHING_TO_GENERATE, report);
    }
    if (invalid) {
      return ReadResult.without(Status.INVALID, report);
    }
    if (!isReachable(resourceClass.asType(), resourceClass)) {
      report.report(
          Message.FILTER_CANNOT_NAME_CLASS,
          resourceClass,
          resourceClass.getQualifiedName().toString());
      return ReadResult.without(Status.INVALID, report);
    }
    methods.sort(ResourceClassReader::byNameThenParameters);
    SortedSet<String> annotatedTypes = new TreeSet<>();
    for (BoundMethod method : methods) {
      Element source = method.decision().source();
      TypeElement type =
          source instanceof TypeElement t ? t : (TypeElement) source.getEnclosingElement();
      annotatedTypes.add(type.getQualifiedName().toString());
    }
    ClassName resourceName = ClassName.get(resourceClass);
    return ReadResult.ready(
        new ResourceClass(
            resourceClass,
            resourceName,
            ResourceClass.filterNameOf(resourceName),
            methods,
            List.copyOf(annotatedTypes),
            List.of()),
        report);
  }

  /** {@code com.example.OrdersApi.list()} for a method, the qualified name for a type. */
  private String describe(Element source) {
    String packageName = elements.getPackageOf(source).getQualifiedName().toString();
    return (packageName.isEmpty() ? "" : packageName + ".") + names.describe(source);
  }

  /**
   * Whether the generated filter, in the package of {@code resourceClass}, can name {@code
   * type}: no private class on the way, and public classes only from other packages.
   */
  boolean isReachable(TypeMirror type, TypeElement resourceClass) {
    TypeMirror component = type;
    while (component.getKind() == TypeKind.ARRAY) {
      component = ((ArrayType) component).getComponentType();
    }
    if (component.getKind() != TypeKind.DECLARED) {
      return true;
    }
    boolean samePackage =
        elements.getPackageOf(((DeclaredType) component).asElement())
            .equals(elements.getPackageOf(resourceClass));
    for (Element e = ((DeclaredType) component).asElement();
        e instanceof TypeElement;
        e = e.getEnclosingElement()) {
      Set<Modifier> modifiers = e.getModifiers();
      if (modifiers.contains(Modifier.PRIVATE)
          || (!samePackage && !modifiers.contains(Modifier.PUBLIC))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The order of a filter's methods: by name, then by parameter types. A plain method rather
   * than composed comparators, whose lambdas a cold javac would link one by one.
   */
  private static int byNameThenParameters(BoundMethod a, BoundMethod b) {
    int byName = a.name().compareTo(b.name());
    if (byName != 0) {
      return byName;
    }
    List<String> aTypes = a.parameterTypes();
    List<String> bTypes = b.parameterTypes();
    for (int i = 0; i < Math.min(aTypes.size(), bTypes.size()); i++) {
      int byType = aTypes.get(i).compareTo(bTypes.get(i));
      if (byType != 0) {
        return byType;
      }
    }
    return Integer.compare(aTypes.size(), bTypes.size());
  }
}
