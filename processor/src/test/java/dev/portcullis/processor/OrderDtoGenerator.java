package dev.portcullis.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Stands in for any other processor that generates a type ({@code shop.OrderDto}) in the
 * first round, so that code using it only resolves in the second: the deferral tests.
 */
final class OrderDtoGenerator extends AbstractProcessor {
  private boolean generated;

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (!generated) {
      generated = true;
      try (Writer writer = processingEnv.getFiler().createSourceFile("shop.OrderDto").openWriter()) {
        writer.write("package shop;\n\npublic class OrderDto {}\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return false;
  }
}
