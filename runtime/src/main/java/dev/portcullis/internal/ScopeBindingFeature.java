package dev.portcullis.internal;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.reflect.Method;

/**
 * Installs a {@link BearerFilter} on every resource method whose generated binding
 * requires a token, once, when the JAX-RS runtime builds its model. Public methods and
 * classes the processor never saw get nothing.
 *
 * <p>Fails closed: a class that carries Portcullis annotations but has no generated
 * binding, or whose binding is stale, damaged or from another Portcullis version, makes
 * {@link #configure} throw {@link IllegalStateException}, which stops the application from
 * starting.
 */
public final class ScopeBindingFeature implements DynamicFeature {
  static final String PROCESSOR_MISSING = "The resource class %1$s carries Portcullis annotations"
      + " (@RequiresScope, @RequiresToken or @Public) but no generated binding (" + BindingFile.DIRECTORY
      + "%1$s.json) exists for it, so its endpoints would be unprotected. Enable the Portcullis annotation"
      + " processor and rebuild: with Maven, add dev.portcullis:portcullis-processor to the"
      + " annotationProcessorPaths of maven-compiler-plugin (on JDK 23 and later annotation processing is off"
      + " unless a processor path is given or -proc:full is set).";

  private final TokenVerifier verifier;
  private final String realm;
  private final boolean scopeInChallenge;
  private final ScopeBindings bindings = new ScopeBindings();
  private final ProtectedResourceMetadata metadata;

  /**
   * Uses {@code verifier} for every protected method and, unless {@code metadata} is {@code
   * null}, names the RFC 9728 metadata in challenges and lists the methods' scopes in it.
   */
  public ScopeBindingFeature(TokenVerifier verifier, String realm, boolean scopeInChallenge,
      ProtectedResourceMetadata metadata) {
    this.verifier = verifier;
    this.metadata = metadata;
    this.realm = realm;
    this.scopeInChallenge = scopeInChallenge;
  }

  @Override
  public void configure(ResourceInfo resourceInfo, FeatureContext context) {
    Class<?> resourceClass = resourceInfo.getResourceClass();
    Method method = resourceInfo.getResourceMethod();
    if (resourceClass == null || method == null) {
      return;
    }
    ResolvedBinding binding = bindings.find(resourceClass);
    if (binding == null) {
      if (PortcullisAnnotations.inHierarchy(resourceClass)) {
        throw new IllegalStateException(String.format(PROCESSOR_MISSING, resourceClass.getName()));
      }
      return;
    }
    ScopeRequirement requirement = binding.requirementFor(method);
    if (requirement == null) {
      if (PortcullisAnnotations.decides(method, resourceClass)) {
        throw new IllegalStateException("The generated binding " + binding.source() + " of "
            + resourceClass.getName() + " has no rule for the annotated resource method " + method.getName()
            + ", so the class changed after the binding was generated; rebuild the application with the"
            + " Portcullis annotation processor (for example mvn clean verify).");
      }
      return;
    }
    if (requirement.kind() == ScopeRequirement.Kind.PUBLIC) {
      return;
    }
    if (metadata != null) {
      metadata.addScopes(requirement.scopes());
      requirement.impliedBy().values().forEach(metadata::addScopes);
    }
    context.register(new BearerFilter(verifier, requirement, realm, scopeInChallenge, metadata),
        Priorities.AUTHENTICATION);
  }
}
