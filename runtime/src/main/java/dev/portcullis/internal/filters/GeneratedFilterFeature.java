package dev.portcullis.internal.filters;

import dev.portcullis.internal.http.CertificateBinding;
import dev.portcullis.internal.http.DpopSettings;
import dev.portcullis.internal.http.ProtectedResourceMetadata;
import dev.portcullis.internal.http.RequestGuard;
import dev.portcullis.internal.verification.TokenVerifier;
import dev.portcullis.spi.AccessRule;
import dev.portcullis.spi.ResourceFilter;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Installs, once per resource method when the JAX-RS runtime builds its model, the generated
 * filter of the method's class with the method's rule. Public methods and classes without
 * Portcullis annotations get nothing.
 *
 * <p>Fails closed: a root resource class (or a class its sub-resource locators declare) that
 * carries Portcullis annotations but has no generated filter, or whose generated filter does
 * not match the annotations (see {@link GeneratedFilters}), makes {@link #configure} throw
 * {@link IllegalStateException}, which stops the application from starting. A sub-resource
 * class JAX-RS first meets per request (a locator declaring {@code Object} or an interface) in
 * that state has each of its methods answer 403, with one log line naming the method.
 *
 * <p>RESTEasy's {@code ResourceInfo} names the type that carries {@code @Path} (an interface, an
 * abstract or a concrete superclass), Jersey's the class it serves. Unless Jersey is known to
 * run, or the class is final, the served class is therefore checked per request by {@link
 * ServedClassGuard}: a request to another class than the one reported gets that class's
 * protection, settled on its first request with the same checks and the same refusal, 403,
 * when they fail.
 */
public final class GeneratedFilterFeature implements DynamicFeature {
  static final String PROCESSOR_MISSING = "The resource class %1$s carries Portcullis annotations"
      + " (@RequiresScope, @RequiresToken or @Public) in its hierarchy but has no generated filter (%2$s), so its"
      + " endpoints would be unprotected. Run the Portcullis annotation processor in the module that contains"
      + " %1$s and rebuild: with Maven, add dev.portcullis:portcullis-processor to the annotationProcessorPaths of"
      + " maven-compiler-plugin (on JDK 23 and later annotation processing is off unless a processor path is given"
      + " or -proc:full is set).";

  /**
   * Set by {@link JerseyRegistrationGuard}: the implementation's {@code ResourceInfo} names the
   * class it serves, never a supertype, so a concrete class's methods need no per-request check
   * of the served class.
   */
  static final String REPORTS_SERVED_CLASS = "dev.portcullis.resource-info.served-class";

  /**
   * The application's token verification, whose background work {@link JerseyShutdown} ends
   * when the application stops.
   */
  public static final String BACKGROUND_WORK = "dev.portcullis.background-work";

  private final TokenVerifier verifier;
  private final RequestGuard guard;
  private final ProtectedResourceMetadata metadata;
  private static final System.Logger LOG = System.getLogger("dev.portcullis");

  private final GeneratedFilters filters = new GeneratedFilters();
  private final Set<Class<?>> checkedSubResources = new HashSet<>();

  /**
   * Uses {@code verifier} for every protected method and, unless {@code metadata} is {@code
   * null}, names the RFC 9728 metadata in challenges and lists the methods' scopes in it; step-up
   * rules allow {@code clockSkew} beyond their max age; DPoP-bound tokens are accepted as
   * {@code dpop} says, or not at all when it is {@code null}.
   */
  public GeneratedFilterFeature(TokenVerifier verifier, String realm, boolean scopeInChallenge,
      ProtectedResourceMetadata metadata, Duration clockSkew, DpopSettings dpop) {
    this(verifier, realm, scopeInChallenge, metadata, clockSkew, dpop, null);
  }

  /**
   * As {@link #GeneratedFilterFeature(TokenVerifier, String, boolean, ProtectedResourceMetadata,
   * Duration, DpopSettings)}; certificate-bound tokens (RFC 8705) are checked by {@code
   * certificates}, or refused when it is {@code null}.
   */
  public GeneratedFilterFeature(TokenVerifier verifier, String realm, boolean scopeInChallenge,
      ProtectedResourceMetadata metadata, Duration clockSkew, DpopSettings dpop, CertificateBinding certificates) {
    this.verifier = verifier;
    this.guard = new RequestGuard(verifier, realm, scopeInChallenge, metadata, Clock.systemUTC(), clockSkew, dpop,
        certificates);
    this.metadata = metadata;
  }

  /**
   * Installs the protection of one resource method.
   *
   * @throws IllegalStateException when the application must not start; the verifier's
   *     background work ends first, since no shutdown will come for an application that never ran
   */
  @Override
  public void configure(ResourceInfo resourceInfo, FeatureContext context) {
    try {
      protect(resourceInfo, context);
    } catch (IllegalStateException e) {
      verifier.close();
      throw e;
    }
  }

  private void protect(ResourceInfo resourceInfo, FeatureContext context) {
    Class<?> resourceClass = resourceInfo.getResourceClass();
    Method method = resourceInfo.getResourceMethod();
    if (resourceClass == null || method == null) {
      return;
    }
    boolean root = SubResourceLocators.isRoot(resourceClass);
    if (resourceClass.isInterface() || Modifier.isAbstract(resourceClass.getModifiers())) {
      // RESTEasy reports the type that carries @Path, never instantiated itself: settled per served class.
      if (root) {
        checkSubResources(resourceClass);
      }
      context.register(new ServedClassGuard(resourceClass, method, null, this::protectionServedBy),
          Priorities.AUTHENTICATION);
      return;
    }
    ContainerRequestFilter protection;
    try {
      protection = protection(resourceClass, method);
    } catch (IllegalStateException e) {
      if (root) {
        throw e;
      }
      // A sub-resource: JAX-RS may meet its class only when a locator returns it, per request.
      // Those declared by locators were checked at startup; any other that fails is refused.
      LOG.log(System.Logger.Level.ERROR, "Portcullis refuses every request to {0}: {1}",
          DeclaredRules.describe(method), e.getMessage());
      context.register(new RefusedMethod(), Priorities.AUTHENTICATION);
      return;
    }
    if (root) {
      checkSubResources(resourceClass);
    }
    if (Modifier.isFinal(resourceClass.getModifiers())
        || Boolean.TRUE.equals(context.getConfiguration().getProperty(REPORTS_SERVED_CLASS))) {
      if (protection != null) {
        context.register(protection, Priorities.AUTHENTICATION);
      }
    } else {
      // RESTEasy reports a concrete superclass with @Path for a subclass that inherits it; only the
      // matched instance tells, so a subclass's stricter annotations are never missed.
      context.register(new ServedClassGuard(resourceClass, method, protection, this::protectionServedBy),
          Priorities.AUTHENTICATION);
    }
  }

  /**
   * Checks the sub-resources the locators of the root resource classes registered in {@code
   * configuration} declare, also those of a root class without resource methods of its own
   * (for which JAX-RS never calls {@link #configure}).
   *
   * @throws IllegalStateException as {@link #configure} does
   */
  public void checkRegistered(Configuration configuration) {
    Set<Class<?>> registered = new LinkedHashSet<>(configuration.getClasses());
    for (Object instance : configuration.getInstances()) {
      registered.add(instance.getClass());
    }
    for (Class<?> type : registered) {
      if (SubResourceLocators.isRoot(type)) {
        checkSubResources(type);
      }
    }
  }

  /**
   * The request filter that protects {@code method} when {@code resourceClass} serves it, or
   * {@code null} when it needs none (public, or no Portcullis annotations at all).
   *
   * @throws IllegalStateException when the class's protection cannot be established
   */
  private ContainerRequestFilter protection(Class<?> resourceClass, Method method) {
    Optional<GeneratedFilters.Bound> bound = filters.find(resourceClass);
    if (bound.isEmpty()) {
      requireNoAnnotations(resourceClass);
      return null;
    }
    AccessRule rule = bound.get().ruleFor(method);
    if (rule == null) {
      requireUndecided(bound.get(), resourceClass, method);
      return null;
    }
    if (rule.kind() == AccessRule.Kind.PUBLIC) {
      return null;
    }
    if (metadata != null) {
      metadata.addScopes(rule.scopes());
      rule.impliedBy().values().forEach(metadata::addScopes);
      metadata.addDpop(rule.dpop());
    }
    return new GuardedMethod(bound.get().filter(), rule, guard.forEndpoint(rule.dpop()));
  }

  /**
   * The protection of {@code method} for a request that matched an instance of {@code served},
   * a subtype of the {@code reported} type the implementation named: that of the nearest class
   * from {@code served} up that has a generated filter, or is {@code reported}. Classes passed
   * on the way, such as a CDI proxy, must declare no Portcullis annotation themselves.
   *
   * @throws IllegalStateException when the served class's protection cannot be established
   */
  private ContainerRequestFilter protectionServedBy(Class<?> served, Class<?> reported, Method method) {
    for (Class<?> type = served; type != null && type != Object.class; type = type.getSuperclass()) {
      if (type == reported || filters.find(type).isPresent()) {
        return protection(type, method);
      }
      if (DeclaredRules.anyDeclaredOn(type)) {
        requireNoAnnotations(type);
      }
    }
    return protection(served, method);
  }

  /**
   * Checks, at startup, every class the sub-resource locators of {@code root} declare, and
   * theirs in turn, as root classes are checked; once per class.
   */
  private synchronized void checkSubResources(Class<?> root) {
    if (!checkedSubResources.add(root)) {
      return;
    }
    Deque<Class<?>> pending = new ArrayDeque<>(SubResourceLocators.declaredTargets(root));
    while (!pending.isEmpty()) {
      Class<?> type = pending.poll();
      if (!checkedSubResources.add(type)) {
        continue;
      }
      Optional<GeneratedFilters.Bound> bound = filters.find(type);
      if (bound.isEmpty()) {
        requireNoAnnotations(type);
      } else {
        for (Method method : SubResourceLocators.resourceMethods(type)) {
          if (bound.get().ruleFor(method) == null) {
            requireUndecided(bound.get(), type, method);
          }
        }
      }
      pending.addAll(SubResourceLocators.declaredTargets(type));
    }
  }

  private static void requireNoAnnotations(Class<?> resourceClass) {
    if (DeclaredRules.anyInHierarchy(resourceClass)) {
      throw new IllegalStateException(
          String.format(PROCESSOR_MISSING, resourceClass.getName(), ResourceFilter.filterName(resourceClass)));
    }
  }

  /** Bound rules were compared when the filter was loaded; a method without one must be undecided too. */
  private static void requireUndecided(GeneratedFilters.Bound bound, Class<?> resourceClass, Method method) {
    RuleComparison.compare(resourceClass, method, null).ifPresent(problem -> {
      throw new IllegalStateException(RuleComparison.refusal(bound.filter(), List.of(problem)));
    });
  }
}
