package dev.portcullis.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * A concrete resource class and the requirement of each of its resource methods that has
 * one: everything {@link BindingWriter} needs, already checked.
 *
 * @param element the resource class, the originating element of the binding
 * @param binaryName the resource class's binary name, as {@link Class#getName()} gives it
 * @param methods the bound resource methods, sorted by name, then parameter types
 * @param annotatedTypes the qualified names of the types whose annotations (on the type or
 *     its methods) the requirements were taken from, sorted
 */
record ResourceClass(
    TypeElement element,
    String binaryName,
    List<BoundMethod> methods,
    List<String> annotatedTypes) {

  ResourceClass {
    methods = List.copyOf(methods);
    annotatedTypes = List.copyOf(annotatedTypes);
  }

  /**
   * This class with each bound method's scopes widened by the scope hierarchy: {@code
   * implying} gives, for a requirement, the scopes implying each of its scopes.
   */
  ResourceClass withImplyingScopes(
      Function<Requirement, SortedMap<String, List<String>>> implying) {
    List<BoundMethod> widened = new ArrayList<>(methods.size());
    for (BoundMethod m : methods) {
      widened.add(
          new BoundMethod(
              m.name(),
              m.parameterTypes(),
              m.decision(),
              m.element(),
              implying.apply(m.decision().requirement())));
    }
    return new ResourceClass(element, binaryName, widened, annotatedTypes);
  }

  /**
   * One resource method and its requirement.
   *
   * @param name the Java method name
   * @param parameterTypes the erased parameter types, as {@link Class#getTypeName()} writes them
   * @param decision the requirement and where it came from
   * @param element the method as a member of the resource class (possibly inherited)
   * @param implyingScopes for each required scope that catalogue scopes imply, those scopes,
   *     sorted; empty without a scope hierarchy
   */
  record BoundMethod(
      String name,
      List<String> parameterTypes,
      Decision decision,
      ExecutableElement element,
      SortedMap<String, List<String>> implyingScopes) {

    BoundMethod {
      parameterTypes = List.copyOf(parameterTypes);
      implyingScopes = new TreeMap<>(implyingScopes);
    }

    BoundMethod(
        String name, List<String> parameterTypes, Decision decision, ExecutableElement element) {
      this(name, parameterTypes, decision, element, new TreeMap<>());
    }
  }
}
