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
 * @param acr the {@code acr} values step-up authentication accepts (RFC 9470) in declaration
 *     order; empty for any
 * @param maxAge the most seconds since the user authenticated, or {@link #NO_MAX_AGE}
 * @param dpop the name of the {@code dev.portcullis.Dpop} constant the annotation asks for
 *     DPoP (RFC 9449) with, {@link #DPOP_AS_CONFIGURED} when it leaves it to the configuration
 */
public record Requirement(
    RequirementKind kind, String match, List<String> scopes, List<String> acr, long maxAge,
    String dpop) {
  /** The {@code maxAge} of an annotation that does not limit it: the annotations' default. */
  public static final long NO_MAX_AGE = -1;

  /** The {@code dpop} of an annotation that leaves DPoP to the configuration: the default. */
  public static final String DPOP_AS_CONFIGURED = "AS_CONFIGURED";

  public Requirement {
    scopes = List.copyOf(scopes);
    acr = List.copyOf(acr);
  }

  /** Whether the requirement asks for step-up authentication. */
  public boolean requiresUserAuthentication() {
    return !acr.isEmpty() || maxAge != NO_MAX_AGE;
  }

  /**
   * Whether both requirements accept the same tokens. Scope order does not matter, so two
   * supertypes that list the same scopes differently do not conflict.
   */
  boolean isEquivalentTo(Requirement other) {
    return kind == other.kind
        && match.equals(other.match)
        && Set.copyOf(scopes).equals(Set.copyOf(other.scopes))
        && Set.copyOf(acr).equals(Set.copyOf(other.acr))
        && maxAge == other.maxAge
        && dpop.equals(other.dpop);
  }

  /** The requirement the way a user wrote it, for messages. */
  public String describe() {
    String stepUp =
        (acr.isEmpty() ? "" : ", acr = " + list(acr))
            + (maxAge == NO_MAX_AGE ? "" : ", maxAge = " + maxAge)
            + (DPOP_AS_CONFIGURED.equals(dpop) ? "" : ", dpop = " + dpop);
    return switch (kind) {
      case PUBLIC -> "@Public";
      case TOKEN -> stepUp.isEmpty() ? "@RequiresToken" : "@RequiresToken(" + stepUp.substring(2) + ")";
      case SCOPES -> {
        String list = list(scopes);
        yield "ANY".equals(match) || !stepUp.isEmpty()
            ? "@RequiresScope(value = "
                + list
                + ("ANY".equals(match) ? ", match = ANY" : "")
                + stepUp
                + ")"
            : "@RequiresScope(" + list + ")";
      }
    };
  }

  private static String list(List<String> values) {
    return values.size() == 1 ? Message.quoted(values.get(0)) : "{" + Message.quotedList(values) + "}";
  }
}
