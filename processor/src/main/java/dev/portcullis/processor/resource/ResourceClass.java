package dev.portcullis.processor.resource;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.portcullis.processor.requirement.Decision;
import dev.portcullis.processor.requirement.Requirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * A concrete resource class and the rule of each of its resource methods that has one:
 * everything {@link FilterGenerator} needs, already checked.
 *
 * @param element the resource class, the originating element of its generated filter
 * @param resourceName the resource class's name in Java source
 * @param filterName the name of the generated filter: the class's simple names joined by
 *     {@code _}, then {@code _PortcullisFilter}, in the class's package
 * @param methods the bound resource methods, sorted by name, then parameter types
 * @param annotatedTypes the qualified names of the types whose annotations (on the type or
 *     its methods) the rules were taken from, sorted
 * @param catalogues the scope catalogues whose hierarchy widened the rules, sorted: the
 *     runtime computes the hierarchy from them again at startup
 */
record ResourceClass(
    TypeElement element,
    ClassName resourceName,
    ClassName filterName,
    List<BoundMethod> methods,
    List<String> annotatedTypes,
    List<ClassName> catalogues) {

  /** What the generated filter's name adds to the resource class's simple names. */
  static final String FILTER_SUFFIX = "_PortcullisFilter";

  ResourceClass {
    methods = List.copyOf(methods);
    annotatedTypes = List.copyOf(annotatedTypes);
    catalogues = List.copyOf(catalogues);
  }

  /** The name of the filter generated for {@code resourceName}. */
  static ClassName filterNameOf(ClassName resourceName) {
    return ClassName.get(
        resourceName.packageName(), String.join("_", resourceName.simpleNames()) + FILTER_SUFFIX);
  }

  /**
   * This class with each bound method's scopes widened by the scope hierarchy: {@code
   * implying} gives, for a requirement, the scopes implying each of its scopes, and {@code
   * cataloguesDeclaring} the catalogues that declare a set of scopes.
   */
  ResourceClass withImplyingScopes(
      Function<Requirement, SortedMap<String, List<String>>> implying,
      Function<Set<String>, List<ClassName>> cataloguesDeclaring) {
    List<BoundMethod> widened = new ArrayList<>(methods.size());
    for (BoundMethod m : methods) {
      widened.add(
          new BoundMethod(
              m.name(),
              m.parameterClasses(),
              m.argumentTypes(),
              m.decision(),
              m.declaredOn(),
              m.element(),
              implying.apply(m.decision().requirement())));
    }
    Set<String> hierarchyScopes = new TreeSet<>();
    for (BoundMethod m : widened) {
      m.implyingScopes()
          .forEach(
              (scope, implyingScopes) -> {
                hierarchyScopes.add(scope);
                hierarchyScopes.addAll(implyingScopes);
              });
    }
    return new ResourceClass(
        element,
        resourceName,
        filterName,
        widened,
        annotatedTypes,
        cataloguesDeclaring.apply(hierarchyScopes));
  }

  /**
   * One resource method and its rule.
   *
   * @param name the Java method name
   * @param parameterClasses the erased parameter types of the method's declaration, as
   *     reflection reports them: what the runtime looks the method up with
   * @param argumentTypes the erased parameter types of the method as a member of the resource
   *     class: what a call on the resource class passes
   * @param decision the requirement and where it came from
   * @param declaredOn where the deciding annotation sits, for the generated Javadoc: {@code
   *     com.example.OrdersApi.list()} or {@code com.example.OrdersApi}
   * @param element the method as a member of the resource class (possibly inherited)
   * @param implyingScopes for each required scope that catalogue scopes imply, those scopes,
   *     sorted; empty without a scope hierarchy
   */
  record BoundMethod(
      String name,
      List<TypeName> parameterClasses,
      List<TypeName> argumentTypes,
      Decision decision,
      String declaredOn,
      ExecutableElement element,
      SortedMap<String, List<String>> implyingScopes) {

    BoundMethod {
      parameterClasses = List.copyOf(parameterClasses);
      argumentTypes = List.copyOf(argumentTypes);
      implyingScopes = new TreeMap<>(implyingScopes);
    }

    /** The parameter types as sorting and messages write them. */
    List<String> parameterTypes() {
      List<String> names = new ArrayList<>(parameterClasses.size());
      for (TypeName type : parameterClasses) {
        names.add(type.toString());
      }
      return names;
    }
  }
}
