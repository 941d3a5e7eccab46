package dev.portcullis.processor.base;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Walks supertypes and overridden methods in the order JAX-RS annotation inheritance uses
 * (Jersey's {@code AnnotatedMethod}): depth first, the superclass and everything above it
 * before the interfaces of a class.
 *
 * <p>The supertypes of a type are asked for once per resource method, several times over, so
 * they are remembered for the round: javac may complete a class again in the next round, with
 * supertypes that did not exist before.
 */
public final class TypeHierarchy {
  private final Elements elements;
  private final Types types;
  private final Map<TypeElement, List<TypeElement>> supertypesInRound = new HashMap<>();

  public TypeHierarchy(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /** Forgets what the previous round found. */
  void startRound() {
    supertypesInRound.clear();
  }

  /** The proper supertypes of {@code type} in that order, without {@code java.lang.Object}. */
  public List<TypeElement> supertypes(TypeElement type) {
    List<TypeElement> supertypes = supertypesInRound.get(type);
    if (supertypes == null) {
      Set<TypeElement> seen = new LinkedHashSet<>();
      addSupertypes(type, seen);
      supertypes = List.copyOf(seen);
      supertypesInRound.put(type, supertypes);
    }
    return supertypes;
  }

  private void addSupertypes(TypeElement type, Set<TypeElement> into) {
    // directSupertypes lists the superclass (or Object, for an interface) first.
    for (TypeMirror supertype : types.directSupertypes(type.asType())) {
      if (supertype.getKind() == TypeKind.DECLARED) {
        TypeElement element = (TypeElement) ((DeclaredType) supertype).asElement();
        if (!element.getQualifiedName().contentEquals("java.lang.Object") && into.add(element)) {
          addSupertypes(element, into);
        }
      }
    }
  }

  /**
   * The instance methods a JAX-RS runtime sees on {@code type}: its own and the inherited ones
   * (overridden methods hidden), without those of {@code java.lang.Object}.
   */
  public List<ExecutableElement> instanceMethods(TypeElement type) {
    List<ExecutableElement> methods = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
      TypeElement owner = (TypeElement) method.getEnclosingElement();
      if (!method.getModifiers().contains(Modifier.STATIC)
          && !owner.getQualifiedName().contentEquals("java.lang.Object")) {
        methods.add(method);
      }
    }
    // An interface method that an inherited superclass method implements is listed beside it
    // (class D extends B implements I, B.m() implementing I.m()): the JAX-RS runtime sees one.
    List<ExecutableElement> implemented = new ArrayList<>();
    for (ExecutableElement method : methods) {
      if (method.getModifiers().contains(Modifier.ABSTRACT)) {
        for (ExecutableElement other : methods) {
          if (other != method
              && !other.getModifiers().contains(Modifier.ABSTRACT)
              && other.getSimpleName().contentEquals(method.getSimpleName())
              && elements.overrides(other, method, type)) {
            implemented.add(method);
            break;
          }
        }
      }
    }
    methods.removeAll(implemented);
    return methods;
  }

  /** The methods {@code method} overrides as a member of {@code type}, nearest first. */
  public List<ExecutableElement> overridden(ExecutableElement method, TypeElement type) {
    List<ExecutableElement> overridden = new ArrayList<>();
    for (TypeElement supertype : supertypes(type)) {
      for (Element member : supertype.getEnclosedElements()) {
        if (member.getKind() == ElementKind.METHOD
            && !member.equals(method)
            && member.getSimpleName().contentEquals(method.getSimpleName())
            && elements.overrides(method, (ExecutableElement) member, type)) {
          overridden.add((ExecutableElement) member);
        }
      }
    }
    return overridden;
  }

  /**
   * Whether a supertype of {@code type}, direct or further up, does not exist (yet): javac
   * gives it the error kind, and {@link #supertypes} leaves it out.
   */
  public boolean hasMissingSupertype(TypeElement type) {
    for (TypeMirror supertype : types.directSupertypes(type.asType())) {
      if (supertype.getKind() == TypeKind.ERROR
          || hasMissingSupertype((TypeElement) types.asElement(supertype))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code type}, an array's component type or a type argument, at any depth, is a
   * type that does not exist (yet).
   */
  public static boolean refersToMissingType(TypeMirror type) {
    if (type.getKind() == TypeKind.ERROR) {
      return true;
    }
    if (type instanceof ArrayType array) {
      return refersToMissingType(array.getComponentType());
    }
    if (type instanceof DeclaredType declared) {
      for (TypeMirror argument : declared.getTypeArguments()) {
        if (refersToMissingType(argument)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether {@code sub} is {@code supertype} or one of its subtypes. */
  public boolean isSubtype(TypeElement sub, TypeElement supertype) {
    return types.isSubtype(types.erasure(sub.asType()), types.erasure(supertype.asType()));
  }
}
