package dev.portcullis.processor;

/** The three Portcullis decisions, each with the annotation that declares it. */
enum RequirementKind {
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
  String annotationName() {
    return annotationName;
  }

  /** The annotation's simple name, as users write it (without {@code @}). */
  String simpleName() {
    return simpleName;
  }
}
