package dev.portcullis.processor.client;

import dev.portcullis.processor.base.Annotations;
import dev.portcullis.processor.client.ClientInterface.ParameterKind;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * Where the JAX-RS annotations of a method parameter, or of a field or setter of a
 * {@code @BeanParam} class, put its value in a request.
 *
 * @param kind where the value goes; {@link ParameterKind#ENTITY} when nothing says otherwise
 * @param name the parameter, header, cookie or field name; empty for the entity
 * @param defaultValue the {@code @DefaultValue}, if any
 * @param beanParam whether it is a {@code @BeanParam}
 * @param annotation the annotation that sets {@code kind} and {@code name}, to report at
 * @param serverInjected a {@code @Context} or {@code @Suspended} annotation: the server injects
 *     the value, which has no meaning in a request
 */
record ParameterBinding(
    ParameterKind kind,
    String name,
    Optional<String> defaultValue,
    boolean beanParam,
    Optional<AnnotationMirror> annotation,
    Optional<AnnotationMirror> serverInjected) {
  private static final String WS = "jakarta.ws.rs.";
  private static final Map<String, ParameterKind> KINDS =
      Map.of(
          WS + "PathParam", ParameterKind.PATH,
          WS + "QueryParam", ParameterKind.QUERY,
          WS + "MatrixParam", ParameterKind.MATRIX,
          WS + "HeaderParam", ParameterKind.HEADER,
          WS + "CookieParam", ParameterKind.COOKIE,
          WS + "FormParam", ParameterKind.FORM);
  private static final Set<String> SERVER_INJECTED =
      Set.of(WS + "core.Context", WS + "container.Suspended");

  static ParameterBinding of(Element element) {
    ParameterKind kind = ParameterKind.ENTITY;
    String name = "";
    Optional<String> defaultValue = Optional.empty();
    boolean beanParam = false;
    Optional<AnnotationMirror> annotation = Optional.empty();
    Optional<AnnotationMirror> serverInjected = Optional.empty();
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      String annotationName = Annotations.name(mirror);
      if (KINDS.containsKey(annotationName)) {
        kind = KINDS.get(annotationName);
        name = Annotations.stringValue(element, annotationName).orElse("");
        annotation = Optional.of(mirror);
      } else if (annotationName.equals(WS + "DefaultValue")) {
        defaultValue = Annotations.stringValue(element, annotationName);
      } else if (annotationName.equals(WS + "BeanParam")) {
        beanParam = true;
      } else if (SERVER_INJECTED.contains(annotationName)) {
        serverInjected = Optional.of(mirror);
      }
    }
    return new ParameterBinding(kind, name, defaultValue, beanParam, annotation, serverInjected);
  }

  /** Whether a request parameter annotation ({@code @QueryParam}, ...) is present. */
  boolean isRequestParameter() {
    return kind != ParameterKind.ENTITY;
  }
}
