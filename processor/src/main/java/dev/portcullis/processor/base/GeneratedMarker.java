package dev.portcullis.processor.base;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeSpec;

/**
 * The {@code @Generated("dev.portcullis.processor.PortcullisProcessor")} every generated class
 * carries, without a date so that output stays deterministic; left out where the compilation's
 * platform has no {@code javax.annotation.processing.Generated}.
 */
public final class GeneratedMarker {
  private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  private static final String PROCESSOR = "dev.portcullis.processor.PortcullisProcessor";

  private final boolean available;

  public GeneratedMarker(boolean available) {
    this.available = available;
  }

  /** Adds the annotation to {@code type} where it is available. */
  public void mark(TypeSpec.Builder type) {
    if (available) {
      type.addAnnotation(AnnotationSpec.builder(GENERATED).addMember("value", "$S", PROCESSOR).build());
    }
  }
}
