package dev.portcullis.processor.resource;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.portcullis.processor.base.AnnotationNames;
import dev.portcullis.processor.base.GeneratedMarker;
import dev.portcullis.processor.requirement.Requirement;
import dev.portcullis.processor.resource.ResourceClass.BoundMethod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;

/**
 * Writes the token-validation filter of one {@link ResourceClass}: a final class beside it,
 * {@code <Resource>_PortcullisFilter}, holding each resource method's rule as a constant, binding
 * the rules to the methods by name and parameter types, and guarding each request by asking the
 * runtime's {@code TokenGuard} to verify the token, then applying the rule. A never-called method
 * calls every bound method, so javac checks that each still exists with those parameters.
 * Sees only the model.
 */
final class FilterGenerator {
  private static final ClassName DPOP = ClassName.bestGuess(AnnotationNames.DPOP);
  private static final ClassName ACCESS_RULE = ClassName.get(AnnotationNames.SPI_PACKAGE, "AccessRule");
  private static final ClassName RESOURCE_FILTER =
      ClassName.get(AnnotationNames.SPI_PACKAGE, "ResourceFilter");
  private static final ClassName METHOD_RULES = ClassName.get(AnnotationNames.SPI_PACKAGE, "MethodRules");
  private static final ClassName TOKEN_GUARD = ClassName.get(AnnotationNames.SPI_PACKAGE, "TokenGuard");
  private static final ClassName TOKEN_PRINCIPAL = ClassName.get("dev.portcullis", "TokenPrincipal");
  private static final ClassName REQUEST =
      ClassName.get("jakarta.ws.rs.container", "ContainerRequestContext");
  private static final ClassName IO_EXCEPTION = ClassName.get("java.io", "IOException");
  private static final Pattern WORD_START = Pattern.compile("([a-z0-9])([A-Z])");

  private final GeneratedMarker marker;

  FilterGenerator(GeneratedMarker marker) {
    this.marker = marker;
  }

  JavaFile generate(ResourceClass resource) {
    List<BoundMethod> methods = resource.methods();
    List<String> constants = constantNames(methods);
    TypeSpec.Builder type =
        TypeSpec.classBuilder(resource.filterName())
            .addJavadoc(javadoc(resource))
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(RESOURCE_FILTER)
            .addOriginatingElement(resource.element());
    marker.mark(type);
    for (int i = 0; i < methods.size(); i++) {
      BoundMethod method = methods.get(i);
      type.addField(
          FieldSpec.builder(ACCESS_RULE, constants.get(i), Modifier.STATIC, Modifier.FINAL)
              .addJavadoc(
                  "$L($L): $L on $L.\n",
                  method.name(),
                  simpleNames(method.parameterClasses()),
                  javadocText(method.decision().requirement().describe()),
                  method.declaredOn())
              .initializer(rule(method))
              .build());
    }
    type.addMethod(
        MethodSpec.constructorBuilder()
            .addJavadoc("Called by the Portcullis runtime at startup.\n")
            .addModifiers(Modifier.PUBLIC)
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("resourceClass")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(
                ParameterizedTypeName.get(
                    ClassName.get(Class.class), WildcardTypeName.subtypeOf(Object.class)))
            .addStatement("return $T.class", resource.resourceName())
            .build());
    MethodSpec.Builder bind =
        MethodSpec.methodBuilder("bind")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addParameter(METHOD_RULES, "rules");
    for (int i = 0; i < methods.size(); i++) {
      BoundMethod method = methods.get(i);
      CodeBlock.Builder call =
          CodeBlock.builder().add("rules.bind($N, $S", constants.get(i), method.name());
      for (TypeName parameter : method.parameterClasses()) {
        call.add(", $T.class", parameter);
      }
      bind.addStatement(call.add(")").build());
    }
    type.addMethod(bind.build());
    if (!resource.catalogues().isEmpty()) {
      CodeBlock.Builder list = CodeBlock.builder();
      for (int i = 0; i < resource.catalogues().size(); i++) {
        list.add(i == 0 ? "$T.class" : ", $T.class", resource.catalogues().get(i));
      }
      type.addMethod(
          MethodSpec.methodBuilder("catalogues")
              .addAnnotation(Override.class)
              .addModifiers(Modifier.PUBLIC)
              .returns(
                  ParameterizedTypeName.get(
                      ClassName.get(List.class),
                      ParameterizedTypeName.get(
                          ClassName.get(Class.class), WildcardTypeName.subtypeOf(Object.class))))
              .addStatement("return $T.of($L)", List.class, list.build())
              .build());
    }
    MethodSpec.Builder filter =
        MethodSpec.methodBuilder("filter")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addParameter(REQUEST, "request")
            .addParameter(ACCESS_RULE, "rule")
            .addParameter(TOKEN_GUARD, "guard")
            .addException(IO_EXCEPTION)
            .addStatement("$T token = guard.authenticate(request)", TOKEN_PRINCIPAL)
            .beginControlFlow("if (token != null && !rule.isSatisfiedBy(token.scopes()))")
            .addStatement("guard.forbid(request, rule)");
    // Scopes first: a token refused for its scopes is refused however the user authenticated.
    if (methods.stream().anyMatch(m -> m.decision().requirement().requiresUserAuthentication())) {
      filter
          .nextControlFlow("else if (token != null && rule.requiresUserAuthentication())")
          .addStatement("guard.requireUserAuthentication(request, rule, token)");
    }
    type.addMethod(filter.endControlFlow().build());
    type.addMethod(javacCheck(resource));
    return JavaFile.builder(resource.filterName().packageName(), type.build())
        .skipJavaLangImports(true)
        .build();
  }

  private static CodeBlock javadoc(ResourceClass resource) {
    return CodeBlock.builder()
        .add(
            "The token-validation filter of {@link $T}: the rule of each of its resource methods,\n",
            resource.resourceName())
        .add(
            "as the Portcullis annotations of $L declare them.\n",
            String.join(", ", resource.annotatedTypes()))
        .add("\n<p>Generated by the Portcullis annotation processor. Do not edit: change the annotations\n")
        .add("and rebuild. At startup the runtime compares every rule here with the annotations and\n")
        .add("refuses to start on any difference.\n")
        .build();
  }

  private static CodeBlock rule(BoundMethod method) {
    Requirement requirement = method.decision().requirement();
    CodeBlock decision = decision(method, requirement);
    CodeBlock.Builder code = CodeBlock.builder().add("$>$>").add(decision);
    if (!requirement.acr().isEmpty()) {
      code.add("\n.requiringAcr(").add(strings(requirement.acr())).add(")");
    }
    if (requirement.maxAge() != Requirement.NO_MAX_AGE) {
      code.add("\n.requiringMaxAge($L)", requirement.maxAge());
    }
    if (!Requirement.DPOP_AS_CONFIGURED.equals(requirement.dpop())) {
      code.add("\n.requiringDpop($T.$L)", DPOP, requirement.dpop());
    }
    return code.add("$<$<").build();
  }

  private static CodeBlock decision(BoundMethod method, Requirement requirement) {
    return switch (requirement.kind()) {
      case PUBLIC -> CodeBlock.of("$T.publicAccess()", ACCESS_RULE);
      case TOKEN -> CodeBlock.of("$T.anyToken()", ACCESS_RULE);
      case SCOPES -> {
        CodeBlock.Builder code =
            CodeBlock.builder()
                .add("$T.$L(", ACCESS_RULE, "ANY".equals(requirement.match()) ? "anyOf" : "allOf")
                .add(strings(requirement.scopes()))
                .add(")");
        for (Map.Entry<String, List<String>> implied : method.implyingScopes().entrySet()) {
          code.add("\n.impliedBy($S, ", implied.getKey()).add(strings(implied.getValue())).add(")");
        }
        yield code.build();
      }
    };
  }

  private static CodeBlock strings(List<String> values) {
    CodeBlock.Builder list = CodeBlock.builder();
    for (int i = 0; i < values.size(); i++) {
      list.add(i == 0 ? "$S" : ", $S", values.get(i));
    }
    return list.build();
  }

  /** A private method nobody calls: it makes javac check every method {@code bind} names. */
  private static MethodSpec javacCheck(ResourceClass resource) {
    MethodSpec.Builder check =
        MethodSpec.methodBuilder("resourceMethods")
            .addJavadoc("Never called: javac checks here that every bound method still exists.\n")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .addParameter(resource.resourceName(), "resource")
            .addException(Throwable.class);
    // Erased arguments to generic classes and methods are raw; the calls never run.
    check.addAnnotation(
        AnnotationSpec.builder(SuppressWarnings.class)
            .addMember("value", "{$S, $S, $S}", "unused", "rawtypes", "unchecked")
            .build());
    for (BoundMethod method : resource.methods()) {
      CodeBlock.Builder call = CodeBlock.builder().add("resource.$N(", method.name());
      List<TypeName> arguments = method.argumentTypes();
      for (int i = 0; i < arguments.size(); i++) {
        call.add(i == 0 ? "" : ", ").add(argument(arguments.get(i)));
      }
      check.addStatement(call.add(")").build());
    }
    return check.build();
  }

  /**
   * A typed placeholder argument, {@code (String) null}, {@code 0L}, {@code false}, without a
   * cast javac's {@code -Xlint:cast} would call redundant.
   */
  private static CodeBlock argument(TypeName type) {
    if (!type.isPrimitive()) {
      return CodeBlock.of("($T) null", type);
    }
    if (type.equals(TypeName.BOOLEAN)) {
      return CodeBlock.of("false");
    }
    if (type.equals(TypeName.INT)) {
      return CodeBlock.of("0");
    }
    if (type.equals(TypeName.LONG)) {
      return CodeBlock.of("0L");
    }
    if (type.equals(TypeName.FLOAT)) {
      return CodeBlock.of("0F");
    }
    if (type.equals(TypeName.DOUBLE)) {
      return CodeBlock.of("0D");
    }
    return CodeBlock.of("($T) 0", type); // byte, short, char: no literal of their own
  }

  /**
   * One constant per method, in the order of {@code methods}: its name in upper snake case, with
   * the parameter types' simple names added for overloads ({@code GET}, {@code FIND_STRING},
   * {@code FIND_INT}). A list rather than a map keyed by the methods: hashing a {@link
   * BoundMethod} writes out every {@link TypeName} in it.
   */
  private static List<String> constantNames(List<BoundMethod> methods) {
    Map<String, Integer> uses = new HashMap<>();
    for (BoundMethod method : methods) {
      uses.merge(method.name(), 1, Integer::sum);
    }
    List<String> names = new ArrayList<>(methods.size());
    Set<String> taken = new HashSet<>();
    for (BoundMethod method : methods) {
      String name = snake(method.name());
      if (uses.get(method.name()) > 1) {
        for (TypeName parameter : method.parameterClasses()) {
          name += "_" + snake(simpleName(parameter).replace("[]", "_ARRAY"));
        }
      }
      String unique = name;
      for (int n = 2; !taken.add(unique); n++) {
        unique = name + "_" + n;
      }
      names.add(unique);
    }
    return names;
  }

  /** Text for a Javadoc comment: scopes may hold {@code *}{@code /}, braces or markup. */
  private static String javadocText(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("{", "&#123;")
        .replace("}", "&#125;")
        .replace("*/", "*&#47;");
  }

  private static String snake(String camel) {
    return WORD_START.matcher(camel).replaceAll("$1_$2").toUpperCase(Locale.ROOT);
  }

  private static String simpleNames(List<TypeName> types) {
    StringBuilder out = new StringBuilder();
    for (TypeName type : types) {
      out.append(out.length() == 0 ? "" : ", ").append(simpleName(type));
    }
    return out.toString();
  }

  private static String simpleName(TypeName type) {
    String name = type.toString();
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
