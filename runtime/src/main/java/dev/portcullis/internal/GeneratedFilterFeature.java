package dev.portcullis.internal;

import dev.portcullis.spi.AccessRule;
import dev.portcullis.spi.ResourceFilter;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

/**
 * Installs, once per resource method when the JAX-RS runtime builds its model, the generated
 * filter of the method's class with the method's rule. Public methods and classes without
 * Portcullis annotations get nothing.
 *
 * <p>Fails closed: a class that carries Portcullis annotations but has no generated filter, or
 * whose generated filter does not match the annotations (see {@link GeneratedFilters}), makes
 * {@link #configure} throw {@link IllegalStateException}, which stops the application from
 * starting.
 */
public final class GeneratedFilterFeature implements DynamicFeature {
  static final String PROCESSOR_MISSING = "The resource class %1$s carries Portcullis annotations"
      + " (@RequiresScope, @RequiresToken or @Public) in its hierarchy but has no generated filter (%2$s), so its"
      + " endpoints would be unprotected. Run the Portcullis annotation processor in the module that contains"
      + " %1$s and rebuild: with Maven, add dev.portcullis:portcullis-processor to the annotationProcessorPaths of"
      + " maven-compiler-plugin (on JDK 23 and later annotation processing is off unless a processor path is given"
      + " or -proc:full is set).";

  private final RequestGuard guard;
  private final ProtectedResourceMetadata metadata;
  private final GeneratedFilters filters = new GeneratedFilters();

  /**
   * Uses {@code verifier} for every protected method and, unless {@code metadata} is {@code
   * null}, names the RFC 9728 metadata in challenges and lists the methods' scopes in it.
   */
  public GeneratedFilterFeature(TokenVerifier verifier, String realm, boolean scopeInChallenge,
      ProtectedResourceMetadata metadata) {
    this.guard = new RequestGuard(verifier, realm, scopeInChallenge, metadata);
    this.metadata = metadata;
  }

  @Override
  public void configure(ResourceInfo resourceInfo, FeatureContext context) {
    Class<?> resourceClass = resourceInfo.getResourceClass();
    Method method = resourceInfo.getResourceMethod();
    if (resourceClass == null || method == null) {
      return;
    }
    Optional<GeneratedFilters.Bound> bound = filters.find(resourceClass);
    if (bound.isEmpty()) {
      if (DeclaredRules.anyInHierarchy(resourceClass)) {
        throw new IllegalStateException(
            String.format(PROCESSOR_MISSING, resourceClass.getName(), ResourceFilter.filterName(resourceClass)));
      }
      return;
    }
    AccessRule rule = bound.get().ruleFor(method);
    if (rule == null) {
      // Bound rules were compared when the filter was loaded; a method without one must not be decided either.
      RuleComparison.compare(resourceClass, method, null).ifPresent(problem -> {
        throw new IllegalStateException(RuleComparison.refusal(bound.get().filter(), List.of(problem)));
      });
      return;
    }
    if (rule.kind() == AccessRule.Kind.PUBLIC) {
      return;
    }
    if (metadata != null) {
      metadata.addScopes(rule.scopes());
      rule.impliedBy().values().forEach(metadata::addScopes);
    }
    context.register(new GuardedMethod(bound.get().filter(), rule, guard), Priorities.AUTHENTICATION);
  }
}
