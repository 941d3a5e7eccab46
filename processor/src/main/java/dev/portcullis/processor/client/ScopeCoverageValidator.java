package dev.portcullis.processor.client;

import dev.portcullis.processor.base.ElementNames;
import dev.portcullis.processor.base.Message;
import dev.portcullis.processor.base.ScopeSyntax;
import dev.portcullis.processor.base.TypeHierarchy;
import dev.portcullis.processor.base.ValidationReport;
import dev.portcullis.processor.requirement.Decision;
import dev.portcullis.processor.requirement.DecisionResolver;
import dev.portcullis.processor.requirement.DeclaredRequirements.Consultation;
import dev.portcullis.processor.requirement.Requirement;
import dev.portcullis.processor.requirement.RequirementKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Checks that the scopes an {@code @OAuthClient} requests cover every method it can call. The
 * requirement of a method is found exactly as for a resource class implementing the client
 * interface ({@link DecisionResolver}), so the client and the server agree on it: {@code
 * ALL} needs every listed scope, {@code ANY} one of them, {@code @RequiresToken} and {@code
 * @Public} nothing.
 */
final class ScopeCoverageValidator {
  private final DecisionResolver resolver;
  private final TypeHierarchy hierarchy;
  private final ElementNames names;
  private final Function<String, ? extends Collection<String>> satisfying;

  /**
   * @param satisfying the scopes satisfying a required scope: itself and, with a scope
   *     hierarchy, the catalogue scopes implying it
   */
  ScopeCoverageValidator(
      DecisionResolver resolver,
      TypeHierarchy hierarchy,
      ElementNames names,
      Function<String, ? extends Collection<String>> satisfying) {
    this.resolver = resolver;
    this.hierarchy = hierarchy;
    this.names = names;
    this.satisfying = satisfying;
  }

  /**
   * The requirement of {@code method}, if it has one, after reporting to {@code report} at the
   * annotation's {@code scopes} when {@code client} does not satisfy it.
   */
  Optional<Requirement> check(
      TypeElement client,
      ExecutableElement method,
      OAuthClientAnnotation annotation,
      ValidationReport.Builder report) {
    Optional<Requirement> requirement =
        resolver
            .resolve(
                client, method, hierarchy.overridden(method, client), new Consultation(report))
            .map(Decision::requirement);
    if (requirement.isEmpty() || requirement.get().kind() != RequirementKind.SCOPES) {
      return requirement;
    }
    Requirement required = requirement.get();
    if (required.scopes().stream()
        .anyMatch(scope -> !ScopeSyntax.isValid(scope))) {
      // The invalid scope is reported where it is written; no client could ever hold it.
      return requirement;
    }
    List<String> missing = new ArrayList<>(required.scopes());
    missing.removeIf(
        scope -> satisfying.apply(scope).stream().anyMatch(annotation.scopes()::contains));
    boolean any = "ANY".equals(required.match());
    boolean covered = any ? missing.size() < required.scopes().size() : missing.isEmpty();
    if (!covered) {
      String quoted = Message.quotedList(missing);
      report.reportOnValue(
          any ? Message.CLIENT_SCOPES_NONE_OF : Message.CLIENT_SCOPES_MISSING,
          client,
          annotation.mirror(),
          annotation.scopesValue(),
          names.describe(client),
          names.describe(method),
          required.describe(),
          quoted,
          quoted);
    }
    return requirement;
  }
}
