package dev.portcullis.processor.requirement;

import dev.portcullis.processor.base.Message;
import java.util.List;
import java.util.Set;

/**
 * What a request must present to reach a resource method: the processor's counterpart of the
 * runtime's {@code ScopeRequirement}.
 *
 * @param kind public, any token, or scopes
 * @param match {@code "ALL"} or {@code "ANY"}; {@code "ALL"} unless {@link RequirementKind#SCOPES}
 * @param scopes the scopes in declaration order; empty unless {@link RequirementKind#SCOPES}
 */
public record Requirement(RequirementKind kind, String match, List<String> scopes) {

  public Requirement {
    scopes = List.copyOf(scopes);
  }

  /**
   * Whether both requirements accept the same tokens. Scope order does not matter, so two
   * supertypes that list the same scopes differently do not conflict.
   */
  boolean isEquivalentTo(Requirement other) {
    return kind == other.kind
        && match.equals(other.match)
        && Set.copyOf(scopes).equals(Set.copyOf(other.scopes));
  }

  /** The requirement the way a user wrote it, for messages. */
  public String describe() {
    return switch (kind) {
      case PUBLIC -> "@Public";
      case TOKEN -> "@RequiresToken";
      case SCOPES -> {
        String list =
            scopes.size() == 1
                ? Message.quoted(scopes.get(0))
                : "{" + Message.quotedList(scopes) + "}";
        yield "ANY".equals(match)
            ? "@RequiresScope(value = " + list + ", match = ANY)"
            : "@RequiresScope(" + list + ")";
      }
    };
  }
}
