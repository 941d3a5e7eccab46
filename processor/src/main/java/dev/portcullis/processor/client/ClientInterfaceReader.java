package dev.portcullis.processor.client;

import com.palantir.javapoet.ClassName;
import dev.portcullis.processor.base.AnnotationNames;
import dev.portcullis.processor.base.Annotations;
import dev.portcullis.processor.base.ElementNames;
import dev.portcullis.processor.base.Message;
import dev.portcullis.processor.base.ReadResult;
import dev.portcullis.processor.base.ReadResult.Status;
import dev.portcullis.processor.base.ScopeSyntax;
import dev.portcullis.processor.base.TypeHierarchy;
import dev.portcullis.processor.base.ValidationReport;
import dev.portcullis.processor.client.ClientInterface.ClientMethod;
import dev.portcullis.processor.requirement.Requirement;
import dev.portcullis.processor.requirement.RequirementKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;

/**
 * Reads and validates one {@code @OAuthClient} interface: the annotation, the interface, every
 * method's signature and the scope coverage. Only a clean read yields a {@link
 * ClientInterface}; an interface that refers to types not generated yet is deferred.
 */
final class ClientInterfaceReader {
  private static final Pattern CLIENT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

  private final TypeHierarchy hierarchy;
  private final ClientMethodReader methodReader;
  private final ScopeCoverageValidator coverage;
  private final ElementNames names;

  ClientInterfaceReader(
      TypeHierarchy hierarchy,
      ClientMethodReader methodReader,
      ScopeCoverageValidator coverage,
      ElementNames names) {
    this.hierarchy = hierarchy;
    this.methodReader = methodReader;
    this.coverage = coverage;
    this.names = names;
  }

  /**
   * Reads {@code type}, or defers it when it refers to types not generated yet or, before the
   * last round, when a {@code @BeanParam} lacks getters another processor may still write: in
   * the last round a missing getter is an error.
   */
  ReadResult<ClientInterface> read(TypeElement type, boolean lastRound) {
    ValidationReport.Builder report = ValidationReport.builder();
    AnnotationMirror mirror = Annotations.find(type, AnnotationNames.OAUTH_CLIENT).orElseThrow();
    if (type.getKind() != ElementKind.INTERFACE) {
      report.reportOnAnnotation(
          Message.CLIENT_NOT_AN_INTERFACE, type, mirror, names.describe(type));
      return ReadResult.without(Status.INVALID, report);
    }
    if (refersToMissingTypes(type) || !lastRound && awaitsBeanGetters(type)) {
      return ReadResult.without(Status.DEFERRED, report);
    }
    Optional<String> notImplementable = whyNotImplementable(type);
    if (notImplementable.isPresent()) {
      report.reportOnAnnotation(
          Message.CLIENT_NOT_IMPLEMENTABLE,
          type,
          mirror,
          names.describe(type),
          notImplementable.get());
      return ReadResult.without(Status.INVALID, report);
    }
    OAuthClientAnnotation annotation = readAnnotation(type, mirror, report);
    List<ClientMethod> methods = new ArrayList<>();
    for (ExecutableElement method : abstractMethods(type)) {
      Optional<Requirement> requirement = coverage.check(type, method, annotation, report);
      boolean sendsToken =
          requirement.map(r -> r.kind() != RequirementKind.PUBLIC).orElse(true);
      methodReader.read(type, method, sendsToken, report).ifPresent(methods::add);
    }
    if (!report.isClean()) {
      return ReadResult.without(Status.INVALID, report);
    }
    ClassName interfaceName = ClassName.get(type);
    ClassName stubName =
        ClassName.get(
            interfaceName.packageName(),
            String.join("_", ElementNames.nestedNames(type)) + "_OAuthStub");
    return ReadResult.ready(
        new ClientInterface(
            type, interfaceName, stubName, annotation.name(), annotation.scopes(), methods),
        report);
  }

  private OAuthClientAnnotation readAnnotation(
      TypeElement type, AnnotationMirror mirror, ValidationReport.Builder report) {
    AnnotationValue nameValue = Annotations.value(mirror, "name").orElse(null);
    String name = nameValue != null && nameValue.getValue() instanceof String s ? s : "";
    if (!CLIENT_NAME.matcher(name).matches()) {
      report.reportOnValue(
          Message.CLIENT_NAME_INVALID, type, mirror, nameValue, names.describe(type), name);
    }
    AnnotationValue scopesValue = Annotations.value(mirror, "scopes").orElse(null);
    List<String> scopes = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    if (scopesValue != null) {
      List<AnnotationValue> items = new ArrayList<>();
      if (scopesValue.getValue() instanceof List<?> list) {
        list.forEach(item -> items.add((AnnotationValue) item));
      } else {
        items.add(scopesValue);
      }
      for (AnnotationValue item : items) {
        String scope = item.getValue() instanceof String s ? s : "";
        if (!ScopeSyntax.isValid(scope)) {
          report.reportOnValue(
              Message.CLIENT_SCOPE_INVALID, type, mirror, item, scope, names.describe(type));
        } else if (!seen.add(scope)) {
          report.reportOnValue(
              Message.CLIENT_SCOPE_DUPLICATE, type, mirror, item, scope, names.describe(type));
        } else {
          scopes.add(scope);
        }
      }
    }
    return new OAuthClientAnnotation(name, scopes, mirror, nameValue, scopesValue);
  }

  /** Abstract instance methods, sorted by name and parameter types for stable output. */
  private List<ExecutableElement> abstractMethods(TypeElement type) {
    List<ExecutableElement> methods = new ArrayList<>();
    for (ExecutableElement method : hierarchy.instanceMethods(type)) {
      if (method.getModifiers().contains(Modifier.ABSTRACT)) {
        methods.add(method);
      }
    }
    methods.sort(Comparator.comparing(names::describe));
    return methods;
  }

  private static Optional<String> whyNotImplementable(TypeElement type) {
    if (!type.getTypeParameters().isEmpty()) {
      return Optional.of("it has type parameters");
    }
    Element current = type;
    while (current instanceof TypeElement nested) {
      if (nested.getModifiers().contains(Modifier.PRIVATE)) {
        return Optional.of(
            nested == type ? "it is private" : "it is nested in a private type");
      }
      if (nested.getNestingKind() == NestingKind.LOCAL) {
        return Optional.of("it is local to a method");
      }
      current = nested.getEnclosingElement();
    }
    return Optional.empty();
  }

  private boolean awaitsBeanGetters(TypeElement type) {
    for (ExecutableElement method : hierarchy.instanceMethods(type)) {
      if (method.getModifiers().contains(Modifier.ABSTRACT)
          && methodReader.awaitsBeanGetters(type, method)) {
        return true;
      }
    }
    return false;
  }

  private boolean refersToMissingTypes(TypeElement type) {
    if (hierarchy.hasMissingSupertype(type)) {
      return true;
    }
    for (ExecutableElement method : hierarchy.instanceMethods(type)) {
      if (TypeHierarchy.refersToMissingType(method.getReturnType())) {
        return true;
      }
      for (var parameter : method.getParameters()) {
        if (TypeHierarchy.refersToMissingType(parameter.asType())) {
          return true;
        }
      }
    }
    return false;
  }
}
