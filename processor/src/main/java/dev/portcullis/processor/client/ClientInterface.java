package dev.portcullis.processor.client;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.TypeElement;

/**
 * An {@code @OAuthClient} interface as the stub generator needs it: every abstract method
 * mapped to one HTTP request. Built only from a clean read; the generator sees nothing else.
 *
 * @param element the annotated interface, the stub's originating element
 * @param interfaceName the interface
 * @param stubName the generated {@code <Interface>_OAuthStub}
 * @param clientName the {@code name} of the annotation
 * @param scopes the {@code scopes} of the annotation
 * @param methods the methods to implement, in a stable order
 */
record ClientInterface(
    TypeElement element,
    ClassName interfaceName,
    ClassName stubName,
    String clientName,
    List<String> scopes,
    List<ClientMethod> methods) {

  ClientInterface {
    scopes = List.copyOf(scopes);
    methods = List.copyOf(methods);
  }

  /** What the stub's result handling is. */
  enum ResultKind {
    /** The entity of a 2xx answer. */
    ENTITY,
    /** The raw {@code Response}, whatever its status. */
    RESPONSE,
    /** Nothing; a 2xx answer is checked. */
    VOID
  }

  /**
   * One method of the stub.
   *
   * @param name the Java method name
   * @param declaredIn the type whose method declares the JAX-RS annotations, for the Javadoc
   * @param httpMethod {@code GET}, {@code POST}, ... or a custom method's name
   * @param path the request path relative to the base URI
   * @param javaParameters the parameters of the Java method, in order
   * @param parameters what goes into the request, in the order of the Java parameters
   * @param thrown the checked exceptions the interface method declares
   * @param returnType the Java return type of the method
   * @param result how the answer is turned into the return value
   * @param resultType the entity type read for {@link ResultKind#ENTITY} (boxed), else empty
   * @param async whether the method returns {@code CompletionStage<...>}
   * @param accept the media types of {@code Accept}, from {@code @Produces}
   * @param contentType the entity's media type, from {@code @Consumes}
   * @param sendsToken false for {@code @Public} methods
   */
  record ClientMethod(
      String name,
      ClassName declaredIn,
      String httpMethod,
      String path,
      List<JavaParameter> javaParameters,
      List<ClientParameter> parameters,
      List<TypeName> thrown,
      TypeName returnType,
      ResultKind result,
      Optional<TypeName> resultType,
      boolean async,
      List<String> accept,
      String contentType,
      boolean sendsToken) {

    ClientMethod {
      javaParameters = List.copyOf(javaParameters);
      parameters = List.copyOf(parameters);
      thrown = List.copyOf(thrown);
      accept = List.copyOf(accept);
    }
  }

  /**
   * One parameter of the Java method.
   *
   * @param name its name
   * @param type its type
   */
  record JavaParameter(String name, TypeName type) {}

  /** Where a parameter goes in the request. */
  enum ParameterKind {
    PATH("pathParam", "PathParam"),
    QUERY("queryParam", "QueryParam"),
    MATRIX("matrixParam", "MatrixParam"),
    HEADER("headerParam", "HeaderParam"),
    COOKIE("cookieParam", "CookieParam"),
    FORM("formParam", "FormParam"),
    ENTITY("entity", "");

    private final String callMethod;
    private final String annotationName;

    ParameterKind(String callMethod, String annotationName) {
      this.callMethod = callMethod;
      this.annotationName = annotationName;
    }

    /** The simple name of the JAX-RS annotation, for messages. */
    String annotationName() {
      return annotationName;
    }

    /** The {@code ClientCall} method that adds it. */
    String callMethod() {
      return callMethod;
    }
  }

  /**
   * One value of the request.
   *
   * @param javaName the Java parameter holding it (for a {@code @BeanParam}: the bean)
   * @param type its Java type
   * @param kind where it goes
   * @param name the parameter, header, cookie or field name; empty for the entity
   * @param defaultValue the {@code @DefaultValue}, if any
   * @param beanProperty for a property of a {@code @BeanParam}, how to read it from the bean
   *     {@code javaName}: a public field's name or a getter call such as {@code getQuery()}
   */
  record ClientParameter(
      String javaName,
      TypeName type,
      ParameterKind kind,
      String name,
      Optional<String> defaultValue,
      Optional<String> beanProperty) {}
}
