package dev.portcullis.processor;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.portcullis.processor.ResourceClass.BoundMethod;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Checks that the generated binding, a top-level class in the resource class's package, can
 * name the resource class and the parameter types of its bound methods; otherwise the
 * generated code would not compile and the user would face an error in code they did not
 * write.
 */
final class ReferenceabilityValidator {
  private final Elements elements;
  private final DiagnosticReporter reporter;
  private final ElementNames names;

  ReferenceabilityValidator(Elements elements, DiagnosticReporter reporter, ElementNames names) {
    this.elements = elements;
    this.reporter = reporter;
    this.names = names;
  }

  void validate(TypeElement resourceClass, String bindingName, List<BoundMethod> methods) {
    Optional<String> reason = whyNotReferenceable(resourceClass);
    if (reason.isPresent()) {
      reporter.report(
          Message.CLASS_NOT_REFERENCEABLE,
          resourceClass,
          names.describe(resourceClass),
          bindingName,
          reason.get());
      return;
    }
    for (BoundMethod method : methods) {
      for (TypeName parameterType : method.parameterTypes()) {
        Optional<TypeElement> privateType = privateType(parameterType);
        if (privateType.isPresent()) {
          reporter.report(
              Message.PARAMETER_TYPE_NOT_REFERENCEABLE,
              method.element(),
              names.describe(method.element()),
              bindingName,
              names.describe(privateType.get()));
        }
      }
    }
  }

  private static Optional<String> whyNotReferenceable(TypeElement type) {
    Element current = type;
    while (current instanceof TypeElement nested) {
      NestingKind nesting = nested.getNestingKind();
      if (nesting == NestingKind.LOCAL || nesting == NestingKind.ANONYMOUS) {
        return Optional.of("it is a local or anonymous class");
      }
      if (nested.getModifiers().contains(Modifier.PRIVATE)) {
        return Optional.of(
            nested.equals(type)
                ? "it is a private nested class"
                : "it is nested in the private class " + nested.getSimpleName());
      }
      // A class literal can name a class nested in an inner class, but JAX-RS cannot
      // instantiate an inner class itself.
      if (nested.equals(type)
          && nesting == NestingKind.MEMBER
          && !nested.getModifiers().contains(Modifier.STATIC)) {
        return Optional.of("it is an inner (non-static) class");
      }
      current = nested.getEnclosingElement();
    }
    return Optional.empty();
  }

  private Optional<TypeElement> privateType(TypeName type) {
    TypeName component = type;
    while (component instanceof ArrayTypeName array) {
      component = array.componentType();
    }
    if (!(component instanceof ClassName className)) {
      return Optional.empty();
    }
    TypeElement element = elements.getTypeElement(className.canonicalName());
    for (Element current = element;
        current instanceof TypeElement nested;
        current = nested.getEnclosingElement()) {
      if (nested.getModifiers().contains(Modifier.PRIVATE)) {
        return Optional.of(nested);
      }
    }
    return Optional.empty();
  }
}
