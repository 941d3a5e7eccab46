package dev.portcullis.processor.requirement;

import dev.portcullis.processor.base.AnnotationNames;
/** The three Portcullis decisions, each with the annotation that declares it. */
public enum RequirementKind {
  PUBLIC(AnnotationNames.PUBLIC, "Public"),
  TOKEN(AnnotationNames.REQUIRES_TOKEN, "RequiresToken"),
  SCOPES(AnnotationNames.REQUIRES_SCOPE, "RequiresScope");

  private final String annotationName;
  private final String simpleName;

  RequirementKind(String annotationName, String simpleName) {
    this.annotationName = annotationName;
    this.simpleName = simpleName;
  }

  /** The qualified name of the annotation. */
  public String annotationName() {
    return annotationName;
  }

  /** The annotation's simple name, as users write it (without {@code @}). */
  String simpleName() {
    return simpleName;
  }
}
