package dev.portcullis.processor.requirement;

import dev.portcullis.processor.base.ProcessorContext;
import dev.portcullis.processor.base.ValidationReport;
import dev.portcullis.processor.requirement.PortcullisAnnotationReader.DeclaredAnnotations;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The requirement each type or method declares itself, read and content-checked once per
 * compilation: a supertype consulted for many resource classes, or in several rounds,
 * reports its mistakes once. What an element declares is read once per round: validation,
 * every resource method inheriting a class-level requirement and every client ask again.
 */
public final class DeclaredRequirements {

  /**
   * What consulting a set of elements found besides their requirements. The content checks
   * of an element consulted for the first time, and the conflicts a {@link DecisionResolver}
   * finds, go to the consultation's report, which its owner prints.
   */
  public static final class Consultation {
    private final ValidationReport.Builder report;
    private boolean malformed;
    private boolean invalid;

    public Consultation(ValidationReport.Builder report) {
      this.report = report;
    }

    /** Where the problems found while consulting go. */
    ValidationReport.Builder report() {
      return report;
    }

    /** An annotation could not be read, typically because a constant does not exist yet. */
    public boolean malformed() {
      return malformed;
    }

    /** An annotation broke a rule; the error has been reported. */
    public boolean invalid() {
      return invalid;
    }
  }

  private static final List<RequirementKind> STRICTEST_FIRST =
      List.of(RequirementKind.SCOPES, RequirementKind.TOKEN, RequirementKind.PUBLIC);

  /** An element's annotations and whether they passed the content checks. */
  private record Checked(DeclaredAnnotations declared, boolean valid) {}

  private final PortcullisAnnotationReader reader;
  private final AnnotationContentValidator validator;
  private final Map<String, Boolean> validityByElement = new HashMap<>();
  private final Map<Element, Checked> checkedInRound = new HashMap<>();

  public DeclaredRequirements(ProcessorContext context) {
    this.reader = new PortcullisAnnotationReader(context.elements());
    this.validator = new AnnotationContentValidator(context.names());
  }

  /** Forgets what the previous round read: javac may complete an element again in the next. */
  public void startRound() {
    checkedInRound.clear();
  }

  /** The annotations of {@code element}, content-checked (reported at most once). */
  public DeclaredAnnotations read(Element element, Consultation consultation) {
    Checked checked = checkedInRound.get(element);
    if (checked == null) {
      checked = check(element, consultation.report);
      checkedInRound.put(element, checked);
    }
    if (checked.declared().malformed()) {
      consultation.malformed = true;
    } else {
      consultation.invalid |= !checked.valid();
    }
    return checked.declared();
  }

  private Checked check(Element element, ValidationReport.Builder report) {
    DeclaredAnnotations declared = reader.read(element);
    if (declared.malformed() || declared.annotations().isEmpty()) {
      return new Checked(declared, true);
    }
    Boolean valid = validityByElement.get(key(element));
    if (valid == null) {
      ValidationReport content = validator.validate(declared);
      report.add(content); // The first consultation reports; later ones reuse the verdict.
      valid = content.isClean();
      validityByElement.put(key(element), valid);
    }
    return new Checked(declared, valid);
  }

  /** The requirement {@code element} declares itself, if any. */
  Optional<Decision> declaredOn(Element element, Consultation consultation) {
    DeclaredAnnotations declared = read(element, consultation);
    // With contradicting annotations (already reported) prefer the strictest.
    for (RequirementKind kind : STRICTEST_FIRST) {
      Optional<PortcullisAnnotation> annotation = declared.find(kind);
      if (annotation.isPresent()) {
        return Optional.of(new Decision(annotation.get().requirement(), element));
      }
    }
    return Optional.empty();
  }

  /** Element instances may differ between rounds; their names do not. */
  private static String key(Element element) {
    if (element instanceof TypeElement type) {
      return type.getQualifiedName().toString();
    }
    return key(element.getEnclosingElement()) + "#" + element;
  }
}
