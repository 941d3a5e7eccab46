package dev.portcullis.processor.base;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * One job of the processor, run once per round: it declares the annotations whose elements it
 * reads, receives them, reads, validates and generates, and returns the types it could not read
 * yet because they refer to something not generated yet (by another processor, such as Lombok
 * or a DTO generator). {@link Steps} offers those types again in the next round, before the
 * round's own elements, and once more after the last round; what a step still returns then is
 * reported with its {@link #unresolved} message.
 */
public interface ProcessingStep {
  /**
   * Stands, in {@link #annotations}, for every type declared in the round's sources, nested
   * ones included, whatever its annotations: a resource class may inherit every annotation
   * that concerns it.
   */
  String EVERY_TYPE = "*";

  /**
   * The qualified names of the annotations whose elements this step reads, or {@link
   * #EVERY_TYPE}.
   */
  Set<String> annotations();

  /**
   * Reads, validates and generates for {@code elementsByAnnotation}: for each of {@link
   * #annotations}, the types this step deferred before, then the round's annotated elements
   * (an entry for each annotation, perhaps empty).
   *
   * @param lastRound true after the last round, when no processor writes anything more: only
   *     deferred types are offered, and the step says which of them are worth reporting
   * @return the types to offer again in the next round
   */
  Set<TypeElement> process(Map<String, Set<Element>> elementsByAnnotation, boolean lastRound)
      throws IOException;

  /**
   * The error for a type still deferred after the last round; its argument is the type's name.
   * Only a step that defers names one.
   */
  default Message unresolved() {
    throw new IllegalStateException(
        getClass().getSimpleName() + " deferred a type, but names no message to report it with.");
  }

  /** After every step has processed the round: checks that need the whole round. */
  default void roundOver() {}

  /**
   * After the last round, once deferred types are settled: checks and output of the whole
   * compilation.
   */
  default void processingOver() throws IOException {}
}
