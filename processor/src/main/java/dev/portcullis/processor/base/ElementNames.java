package dev.portcullis.processor.base;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Names elements in messages the way a reader of the source would: {@code
 * OrdersResource.create(Order)}, {@code Outer.Inner}, without packages or type arguments.
 */
public final class ElementNames {
  private final Types types;

  public ElementNames(Types types) {
    this.types = types;
  }

  public String describe(Element element) {
    if (element instanceof ExecutableElement method) {
      String parameters =
          method.getParameters().stream()
              .map(parameter -> typeName(parameter.asType()))
              .collect(Collectors.joining(", "));
      return describe(method.getEnclosingElement())
          + "."
          + method.getSimpleName()
          + "("
          + parameters
          + ")";
    }
    if (element instanceof TypeElement type) {
      return String.join(".", nestedNames(type));
    }
    return element.getSimpleName().toString();
  }

  /** Simple names from the outermost enclosing type down to {@code type}. */
  public static Deque<String> nestedNames(TypeElement type) {
    Deque<String> names = new ArrayDeque<>();
    Element current = type;
    while (current instanceof TypeElement typeElement) {
      names.addFirst(typeElement.getSimpleName().toString());
      current = typeElement.getEnclosingElement();
    }
    return names;
  }

  /**
   * The erased simple name of {@code type}: {@code List} for {@code List<Order>}, {@code
   * Order[]}.
   */
  public String typeName(TypeMirror type) {
    TypeMirror erased = types.erasure(type);
    if (erased instanceof ArrayType array) {
      return typeName(array.getComponentType()) + "[]";
    }
    if (erased instanceof DeclaredType declared
        && declared.asElement().getKind() != ElementKind.TYPE_PARAMETER) {
      return declared.asElement().getSimpleName().toString();
    }
    return erased.toString();
  }
}
