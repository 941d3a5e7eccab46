package dev.portcullis.processor.client;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;

/**
 * The {@code @OAuthClient} annotation of an interface, with the mirrors needed to report a
 * problem at its {@code name} or {@code scopes}.
 *
 * @param name the client name
 * @param scopes the requested scopes in declaration order
 * @param mirror the annotation
 * @param nameValue the {@code name} value
 * @param scopesValue the {@code scopes} value, or {@code null} when not written
 */
record OAuthClientAnnotation(
    String name,
    List<String> scopes,
    AnnotationMirror mirror,
    AnnotationValue nameValue,
    AnnotationValue scopesValue) {

  OAuthClientAnnotation {
    scopes = List.copyOf(scopes);
  }
}
