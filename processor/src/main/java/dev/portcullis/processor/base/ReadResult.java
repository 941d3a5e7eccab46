package dev.portcullis.processor.base;

import java.util.Optional;

/**
 * What reading one element into a model gave: the model when the read was clean, and in every
 * case the report of what it found wrong, which the step prints.
 *
 * @param status what happened
 * @param model the model when {@link Status#READY}
 * @param report what the read found wrong
 * @param <T> the model
 */
public record ReadResult<T>(Status status, Optional<T> model, ValidationReport report) {

  /** What reading an element produced. */
  public enum Status {
    /** The model is clean and has something to generate. */
    READY,
    /** The element is clean but there is nothing to generate for it. */
    NOTHING_TO_GENERATE,
    /** A rule was broken and reported; nothing may be generated. */
    INVALID,
    /** A type or constant does not exist yet; try again in the next round. */
    DEFERRED
  }

  /** A clean read of {@code model}. */
  public static <T> ReadResult<T> ready(T model, ValidationReport.Builder report) {
    return new ReadResult<>(Status.READY, Optional.of(model), report.build());
  }

  /** A read that gave no model. */
  public static <T> ReadResult<T> without(Status status, ValidationReport.Builder report) {
    return new ReadResult<>(status, Optional.empty(), report.build());
  }
}
