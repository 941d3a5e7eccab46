package dev.portcullis.processor.client;

import com.palantir.javapoet.TypeName;
import dev.portcullis.processor.base.ElementNames;
import dev.portcullis.processor.base.Message;
import dev.portcullis.processor.base.Reporter;
import dev.portcullis.processor.client.ClientInterface.ClientParameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads a {@code @BeanParam} of a client method into the request parameters its annotated
 * fields and setters stand for, each read back from the bean through a public field or a
 * public getter. Nested {@code @BeanParam}s and {@code @Context} members are not part of a
 * request and are skipped.
 */
final class BeanParamReader {
  private final Elements elements;
  private final Types types;
  private final ElementNames names;

  BeanParamReader(Elements elements, Types types, ElementNames names) {
    this.elements = elements;
    this.types = types;
    this.names = names;
  }

  /**
   * The request parameters of the bean {@code beanName} of {@code method}, reporting to {@code
   * reporter}, at {@code at}, each one the client cannot read.
   */
  List<ClientParameter> read(
      Element at,
      ExecutableElement method,
      String beanName,
      TypeMirror beanType,
      Reporter reporter) {
    if (!isClass(beanType)) {
      reporter.report(
          Message.CLIENT_BEAN_PARAM_NOT_A_CLASS, at, beanName, names.describe(method), beanType);
      return List.of();
    }
    DeclaredType declared = (DeclaredType) beanType;
    TypeElement bean = (TypeElement) declared.asElement();
    List<? extends Element> members = elements.getAllMembers(bean);
    List<ClientParameter> parameters = new ArrayList<>();
    for (Map.Entry<String, Element> property : annotatedProperties(members).entrySet()) {
      Element annotated = property.getValue();
      ParameterBinding binding = ParameterBinding.of(annotated);
      TypeMirror type =
          annotated instanceof ExecutableElement setter
              ? setter.getParameters().get(0).asType()
              : types.asMemberOf(declared, annotated);
      Optional<String> accessor = accessor(bean, members, property.getKey(), annotated);
      if (accessor.isEmpty()) {
        reporter.report(
            Message.CLIENT_BEAN_PROPERTY_UNREADABLE,
            at,
            capitalize(annotated instanceof ExecutableElement ? "setter " : "field ")
                + annotated.getSimpleName(),
            names.describe(bean),
            names.describe(method),
            binding.kind().annotationName(),
            "get" + capitalize(property.getKey()));
        continue;
      }
      parameters.add(
          new ClientParameter(
              beanName,
              TypeName.get(type),
              binding.kind(),
              binding.name(),
              binding.defaultValue(),
              accessor));
    }
    return parameters;
  }

  /**
   * Whether a property of the bean {@code beanType} has neither a public field nor a public
   * getter: one another processor, such as Lombok, may not have written yet.
   */
  boolean lacksGetter(TypeMirror beanType) {
    if (!isClass(beanType)) {
      return false;
    }
    TypeElement bean = (TypeElement) ((DeclaredType) beanType).asElement();
    List<? extends Element> members = elements.getAllMembers(bean);
    for (Map.Entry<String, Element> property : annotatedProperties(members).entrySet()) {
      if (accessor(bean, members, property.getKey(), property.getValue()).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private static boolean isClass(TypeMirror type) {
    return type instanceof DeclaredType declared
        && declared.asElement().getKind() == ElementKind.CLASS;
  }

  /** The fields and setters with a request parameter annotation, by property name. */
  private static Map<String, Element> annotatedProperties(List<? extends Element> members) {
    Map<String, Element> annotatedProperties = new LinkedHashMap<>();
    for (VariableElement field : ElementFilter.fieldsIn(members)) {
      if (!field.getModifiers().contains(Modifier.STATIC)
          && ParameterBinding.of(field).isRequestParameter()) {
        annotatedProperties.put(field.getSimpleName().toString(), field);
      }
    }
    for (ExecutableElement setter : ElementFilter.methodsIn(members)) {
      String setterName = setter.getSimpleName().toString();
      if (setterName.startsWith("set")
          && setterName.length() > 3
          && setter.getParameters().size() == 1
          && ParameterBinding.of(setter).isRequestParameter()) {
        annotatedProperties.putIfAbsent(decapitalize(setterName.substring(3)), setter);
      }
    }
    return annotatedProperties;
  }

  private static Optional<String> accessor(
      TypeElement bean, List<? extends Element> members, String property, Element annotated) {
    if (annotated.getKind() == ElementKind.FIELD
        && annotated.getModifiers().contains(Modifier.PUBLIC)
        && bean.getModifiers().contains(Modifier.PUBLIC)) {
      return Optional.of(property);
    }
    for (ExecutableElement getter : ElementFilter.methodsIn(members)) {
      String name = getter.getSimpleName().toString();
      if ((name.equals("get" + capitalize(property)) || name.equals("is" + capitalize(property)))
          && getter.getParameters().isEmpty()
          && getter.getModifiers().contains(Modifier.PUBLIC)
          && !getter.getModifiers().contains(Modifier.STATIC)) {
        return Optional.of(name + "()");
      }
    }
    return Optional.empty();
  }

  private static String capitalize(String name) {
    return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private static String decapitalize(String name) {
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }
}
