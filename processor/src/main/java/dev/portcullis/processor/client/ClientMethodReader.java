package dev.portcullis.processor.client;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.portcullis.processor.base.Annotations;
import dev.portcullis.processor.base.ElementNames;
import dev.portcullis.processor.base.JaxRsAnnotations;
import dev.portcullis.processor.base.Message;
import dev.portcullis.processor.base.PathTemplate;
import dev.portcullis.processor.base.Reporter;
import dev.portcullis.processor.base.TypeHierarchy;
import dev.portcullis.processor.base.ValidationReport;
import dev.portcullis.processor.client.ClientInterface.ClientMethod;
import dev.portcullis.processor.client.ClientInterface.ClientParameter;
import dev.portcullis.processor.client.ClientInterface.JavaParameter;
import dev.portcullis.processor.client.ClientInterface.ParameterKind;
import dev.portcullis.processor.client.ClientInterface.ResultKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Reads one abstract method of an {@code @OAuthClient} interface into a {@link ClientMethod},
 * reporting on the method every signature the generated client could not implement.
 */
final class ClientMethodReader {
  private static final String WS = "jakarta.ws.rs.";

  /** Types whose subtypes are asynchronous results, not entities. */
  private static final Set<String> ASYNCHRONOUS_TYPES = Set.of(
      "java.util.concurrent.Future",
      "java.util.concurrent.CompletionStage",
      "java.util.concurrent.Flow.Publisher",
      "org.reactivestreams.Publisher",
      "io.smallrye.mutiny.Uni",
      "io.reactivex.rxjava3.core.Single",
      "io.reactivex.rxjava3.core.Maybe",
      "io.reactivex.rxjava3.core.Completable",
      "io.reactivex.rxjava3.core.Observable",
      "io.reactivex.Single",
      "io.reactivex.Maybe",
      "io.reactivex.Completable",
      "io.reactivex.Observable");

  private final Types types;
  private final JaxRsAnnotations jaxRs;
  private final BeanParamReader beanParams;
  private final ElementNames names;
  private final TypeHierarchy hierarchy;

  ClientMethodReader(
      Types types,
      JaxRsAnnotations jaxRs,
      BeanParamReader beanParams,
      ElementNames names,
      TypeHierarchy hierarchy) {
    this.types = types;
    this.jaxRs = jaxRs;
    this.beanParams = beanParams;
    this.names = names;
    this.hierarchy = hierarchy;
  }

  /**
   * The interfaces whose {@code @Path} a method declared in {@code declaring} is served under:
   * the nearest ones to {@code client} between the two ({@code declaring} included), else, when
   * none there has one, the nearest above {@code declaring}. "Nearest" leaves out an interface
   * when another candidate extends it. More than one means the hierarchy is ambiguous.
   */
  private List<TypeElement> nearestWithPath(TypeElement client, TypeElement declaring) {
    List<TypeElement> between = new ArrayList<>();
    List<TypeElement> above = new ArrayList<>();
    for (TypeElement supertype : hierarchy.supertypes(client)) {
      if (Annotations.stringValue(supertype, WS + "Path").isEmpty()) {
        continue;
      }
      (hierarchy.isSubtype(supertype, declaring) ? between : above).add(supertype);
    }
    List<TypeElement> candidates = between.isEmpty() ? above : between;
    List<TypeElement> nearest = new ArrayList<>();
    for (TypeElement candidate : candidates) {
      boolean shadowed = candidates.stream()
          .anyMatch(other -> !other.equals(candidate) && hierarchy.isSubtype(other, candidate));
      if (!shadowed) {
        nearest.add(candidate);
      }
    }
    return nearest;
  }

  /**
   * The method as the stub implements it, or empty after reporting to {@code report} why it
   * cannot: on the method when the client interface declares it, else on the client interface,
   * because an inherited method may sit in a class file.
   */
  Optional<ClientMethod> read(
      TypeElement client,
      ExecutableElement method,
      boolean sendsToken,
      ValidationReport.Builder report) {
    // A report of its own: whether this method is clean, whatever the others found.
    ValidationReport.Builder methodReport = ValidationReport.builder();
    Optional<ClientMethod> read = readMethod(client, method, sendsToken, methodReport);
    report.add(methodReport.build());
    return read;
  }

  private Optional<ClientMethod> readMethod(
      TypeElement client,
      ExecutableElement method,
      boolean sendsToken,
      ValidationReport.Builder reporter) {
    Element at = method.getEnclosingElement().equals(client) ? method : client;
    Optional<ExecutableElement> declaration = jaxRs.annotatedDeclaration(method, client);
    Optional<String> httpMethod =
        declaration.flatMap(d -> Annotations.find(d, jaxRs::isHttpMethod)).map(JaxRsAnnotations::httpMethodName);
    if (httpMethod.isEmpty()) {
      reporter.report(Message.CLIENT_METHOD_NOT_HTTP, at, names.describe(method));
      return Optional.empty();
    }
    if (!method.getTypeParameters().isEmpty()) {
      reporter.report(Message.CLIENT_METHOD_GENERIC, at, names.describe(method));
      return Optional.empty();
    }
    ExecutableElement annotated = declaration.get();
    TypeElement declaringType = (TypeElement) annotated.getEnclosingElement();
    ExecutableType memberType =
        (ExecutableType) types.asMemberOf((DeclaredType) client.asType(), method);

    Optional<String> typePath = Annotations.stringValue(client, WS + "Path");
    // A method one of the client's API interfaces declares is served by a resource class that
    // implements the most derived of them, under its @Path (the one the scope manifest lists);
    // one the client declares itself is relative to the base URI.
    if (typePath.isEmpty() && !declaringType.equals(client)) {
      List<TypeElement> nearest = nearestWithPath(client, declaringType);
      if (!nearest.isEmpty()) {
        TypeElement first = nearest.get(0);
        String firstPath = Annotations.stringValue(first, WS + "Path").orElseThrow();
        for (TypeElement other : nearest) {
          String otherPath = Annotations.stringValue(other, WS + "Path").orElseThrow();
          if (!firstPath.equals(otherPath)) {
            reporter.report(Message.CLIENT_PATH_AMBIGUOUS, at, names.describe(method),
                declaringType.getQualifiedName(), firstPath, first.getQualifiedName(), otherPath,
                other.getQualifiedName(), client.getQualifiedName());
            return Optional.empty();
          }
        }
        typePath = Optional.of(firstPath);
      }
    }
    PathTemplate path =
        PathTemplate.join(typePath.orElse(null), Annotations.stringValue(annotated, WS + "Path").orElse(null));
    List<ClientParameter> parameters =
        parameters(at, method, annotated, memberType, path, reporter);
    checkTemplatesBound(at, method, path, parameters, reporter);

    TypeMirror returned = memberType.getReturnType();
    boolean async = isCompletionStage(returned);
    TypeMirror resultMirror = async ? stageArgument(returned) : returned;
    Optional<DeclaredType> otherAsync = asynchronousShape(resultMirror);
    ResultKind result = otherAsync.isPresent() ? null : resultKind(resultMirror, async);
    if (otherAsync.isPresent()) {
      List<? extends TypeMirror> arguments = otherAsync.get().getTypeArguments();
      reporter.report(Message.CLIENT_RETURN_TYPE_ASYNC, at, names.describe(method), returned,
          arguments.size() == 1 && arguments.get(0).getKind() == TypeKind.DECLARED
              ? arguments.get(0) : "T");
    } else if (result == null) {
      reporter.report(
          Message.CLIENT_RETURN_TYPE_UNSUPPORTED, at, names.describe(method), returned);
    }
    if (!reporter.isClean()) {
      return Optional.empty();
    }
    List<JavaParameter> javaParameters = new ArrayList<>();
    for (int i = 0; i < method.getParameters().size(); i++) {
      javaParameters.add(
          new JavaParameter(
              method.getParameters().get(i).getSimpleName().toString(),
              TypeName.get(memberType.getParameterTypes().get(i))));
    }
    List<TypeName> thrown = new ArrayList<>();
    for (TypeMirror exception : memberType.getThrownTypes()) {
      thrown.add(TypeName.get(exception));
    }
    return Optional.of(
        new ClientMethod(
            method.getSimpleName().toString(),
            ClassName.get(declaringType),
            httpMethod.get(),
            path.template(),
            javaParameters,
            parameters,
            thrown,
            TypeName.get(returned),
            result,
            result == ResultKind.ENTITY
                ? Optional.of(TypeName.get(resultMirror).box())
                : Optional.empty(),
            async,
            mediaTypes(WS + "Produces", annotated, client, declaringType),
            mediaTypes(WS + "Consumes", annotated, client, declaringType).stream()
                .findFirst()
                .orElse("application/octet-stream"),
            sendsToken));
  }

  /**
   * Whether a {@code @BeanParam} of {@code method} has a property without a getter, which
   * another processor, such as Lombok, may still write.
   */
  boolean awaitsBeanGetters(TypeElement client, ExecutableElement method) {
    Optional<ExecutableElement> declaration = jaxRs.annotatedDeclaration(method, client);
    if (declaration.isEmpty()) {
      return false;
    }
    ExecutableType memberType =
        (ExecutableType) types.asMemberOf((DeclaredType) client.asType(), method);
    for (int i = 0; i < method.getParameters().size(); i++) {
      if (ParameterBinding.of(declaration.get().getParameters().get(i)).beanParam()
          && beanParams.lacksGetter(memberType.getParameterTypes().get(i))) {
        return true;
      }
    }
    return false;
  }

  private List<ClientParameter> parameters(
      Element at,
      ExecutableElement method,
      ExecutableElement annotated,
      ExecutableType memberType,
      PathTemplate path,
      Reporter reporter) {
    List<ClientParameter> parameters = new ArrayList<>();
    for (int i = 0; i < method.getParameters().size(); i++) {
      VariableElement parameter = method.getParameters().get(i);
      VariableElement annotatedParameter = annotated.getParameters().get(i);
      String javaName = parameter.getSimpleName().toString();
      TypeMirror type = memberType.getParameterTypes().get(i);
      ParameterBinding binding = ParameterBinding.of(annotatedParameter);
      if (binding.serverInjected().isPresent()) {
        AnnotationMirror injected = binding.serverInjected().get();
        String annotation = injected.getAnnotationType().asElement().getSimpleName().toString();
        reporter.reportOnAnnotation(
            Message.CLIENT_PARAMETER_UNSUPPORTED,
            at == method ? parameter : at,
            at == method && parameter == annotatedParameter ? injected : null,
            javaName,
            names.describe(method),
            annotation,
            annotation.equals("Suspended")
                ? "the server injects it to answer asynchronously, and it is no part of a"
                    + " request. Leave the parameter out of the client interface; to call the"
                    + " method asynchronously, return CompletionStage."
                : "it is injected by the server and is no part of a request. Leave the"
                    + " parameter out of the client interface.");
      } else if (binding.beanParam()) {
        for (ClientParameter property : beanParams.read(at, method, javaName, type, reporter)) {
          parameters.add(property);
          checkInPath(property, at, null, method, path, reporter);
        }
      } else {
        ClientParameter request =
            new ClientParameter(
                javaName,
                TypeName.get(type),
                binding.kind(),
                binding.name(),
                binding.defaultValue(),
                Optional.empty());
        parameters.add(request);
        boolean declaredHere = at == method && parameter == annotatedParameter;
        checkInPath(
            request,
            at == method ? parameter : at,
            declaredHere ? binding.annotation().orElse(null) : null,
            method,
            path,
            reporter);
      }
    }
    List<ClientParameter> entities =
        parameters.stream().filter(p -> p.kind() == ParameterKind.ENTITY).toList();
    if (entities.size() > 1) {
      reporter.report(
          Message.CLIENT_METHOD_TWO_ENTITIES,
          at,
          names.describe(method),
          entities.get(0).javaName(),
          entities.get(1).javaName());
    }
    if (!entities.isEmpty() && parameters.stream().anyMatch(p -> p.kind() == ParameterKind.FORM)) {
      reporter.report(
          Message.CLIENT_METHOD_ENTITY_AND_FORM, at, names.describe(method), entities.get(0).javaName());
    }
    return parameters;
  }

  /**
   * Reports a {@code @PathParam} that names no template of {@code path}: at the annotation's
   * value when {@code annotation} is the one written on {@code at}, else on {@code at}.
   */
  private void checkInPath(
      ClientParameter parameter,
      Element at,
      AnnotationMirror annotation,
      ExecutableElement method,
      PathTemplate path,
      Reporter reporter) {
    if (parameter.kind() != ParameterKind.PATH || path.names().contains(parameter.name())) {
      return;
    }
    reporter.reportOnValue(
        Message.CLIENT_PATH_PARAM_NOT_IN_PATH,
        at,
        annotation,
        annotation == null ? null : Annotations.value(annotation, "value").orElse(null),
        parameter.name(),
        parameter.javaName(),
        names.describe(method),
        path.template(),
        path.names().isEmpty() ? "there are none" : "{" + String.join("}, {", path.names()) + "}",
        parameter.name());
  }

  private void checkTemplatesBound(
      Element at,
      ExecutableElement method,
      PathTemplate path,
      List<ClientParameter> parameters,
      Reporter reporter) {
    for (String template : path.names()) {
      boolean bound =
          parameters.stream()
              .anyMatch(p -> p.kind() == ParameterKind.PATH && p.name().equals(template));
      if (!bound) {
        reporter.report(
            Message.CLIENT_PATH_TEMPLATE_UNBOUND,
            at,
            path.template(),
            names.describe(method),
            template,
            template);
      }
    }
  }

  private boolean isCompletionStage(TypeMirror type) {
    return type instanceof DeclaredType declared
        && ((TypeElement) declared.asElement())
            .getQualifiedName()
            .contentEquals("java.util.concurrent.CompletionStage");
  }

  /**
   * {@code type} when it is an asynchronous type other than {@code CompletionStage} itself: a
   * {@code Future} ({@code CompletableFuture}, {@code ListenableFuture}, ...), another {@code
   * CompletionStage}, a reactive-streams or {@code Flow} publisher (Reactor, RxJava {@code
   * Flowable}, Mutiny {@code Multi}), or one of the reactive types that are none of these. Read
   * as an entity, such a type would compile and fail at run time.
   */
  private Optional<DeclaredType> asynchronousShape(TypeMirror type) {
    if (!(type instanceof DeclaredType declared)) {
      return Optional.empty();
    }
    List<TypeMirror> pending = new ArrayList<>(List.of(type));
    while (!pending.isEmpty()) {
      TypeMirror next = pending.remove(pending.size() - 1);
      if (next instanceof DeclaredType each) {
        String name = ((TypeElement) each.asElement()).getQualifiedName().toString();
        if (ASYNCHRONOUS_TYPES.contains(name)) {
          return Optional.of(declared);
        }
      }
      pending.addAll(types.directSupertypes(next));
    }
    return Optional.empty();
  }

  private static TypeMirror stageArgument(TypeMirror stage) {
    List<? extends TypeMirror> arguments = ((DeclaredType) stage).getTypeArguments();
    return arguments.isEmpty() ? null : arguments.get(0);
  }

  /** How the answer becomes the result, or {@code null} when it cannot. */
  private ResultKind resultKind(TypeMirror type, boolean async) {
    if (type == null) {
      return null;
    }
    if (!async && type.getKind() == TypeKind.VOID) {
      return ResultKind.VOID;
    }
    if (type instanceof DeclaredType declared) {
      String name = ((TypeElement) declared.asElement()).getQualifiedName().toString();
      if (async && name.equals("java.lang.Void")) {
        return ResultKind.VOID;
      }
      if (name.equals("jakarta.ws.rs.core.Response")) {
        return ResultKind.RESPONSE;
      }
    }
    if (type.getKind().isPrimitive() && !async) {
      return ResultKind.ENTITY;
    }
    return isReadableEntity(type) ? ResultKind.ENTITY : null;
  }

  /** Declared and array types whose type arguments are concrete or wildcards. */
  private static boolean isReadableEntity(TypeMirror type) {
    return switch (type.getKind()) {
      case ARRAY -> isReadableEntity(((javax.lang.model.type.ArrayType) type).getComponentType())
          || ((javax.lang.model.type.ArrayType) type).getComponentType().getKind().isPrimitive();
      case DECLARED -> ((DeclaredType) type)
          .getTypeArguments().stream()
              .allMatch(a -> a.getKind() == TypeKind.WILDCARD || isReadableEntity(a));
      default -> false;
    };
  }

  private static List<String> mediaTypes(
      String annotation, Element method, TypeElement client, TypeElement declaringType) {
    for (Element element : List.of(method, client, declaringType)) {
      List<String> values = Annotations.stringValues(element, annotation);
      if (!values.isEmpty()) {
        List<String> split = new ArrayList<>();
        for (String value : values) {
          for (String part : value.split(",")) {
            if (!part.isBlank()) {
              split.add(part.trim());
            }
          }
        }
        return split;
      }
    }
    return List.of();
  }
}
