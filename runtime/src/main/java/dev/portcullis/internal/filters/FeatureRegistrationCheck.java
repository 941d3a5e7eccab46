package dev.portcullis.internal.filters;

import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Refuses to start an application whose resource classes carry Portcullis annotations when
 * {@code PortcullisFeature} is not registered, since nothing would check their tokens. It
 * reaches the application without the application naming it: Jersey registers it through
 * {@link JerseyRegistrationGuard} (auto-discovery), RESTEasy through the runtime jar's {@code
 * META-INF/services/jakarta.ws.rs.ext.Providers}, which it reads at startup.
 *
 * <p>Only standard Jakarta REST API: the implementation calls {@link #configure} once for each
 * resource method while it builds its model, and the {@link IllegalStateException} thrown
 * there stops the application. An application that really wants to serve annotated resources
 * unprotected (a test, for example) sets the application property {@value #PROPERTY} to
 * {@code false}.
 */
@ConstrainedTo(RuntimeType.SERVER)
public final class FeatureRegistrationCheck implements DynamicFeature {
  /** The application property that switches the check off. */
  public static final String PROPERTY = "portcullis.require-feature";

  /** Marks a configuration that {@code PortcullisFeature} has configured. */
  public static final String REGISTERED = "dev.portcullis.feature.registered";

  static final String FEATURE_MISSING = "The resource class %s carries Portcullis annotations (@RequiresScope,"
      + " @RequiresToken or @Public), but PortcullisFeature is not registered, so nothing would check its tokens."
      + " Register it in the application, for example with"
      + " new ResourceConfig(...).register(PortcullisFeature.fromEnvironment()) on Jersey or by returning"
      + " PortcullisFeature.fromEnvironment() from Application.getSingletons(), or set the application property "
      + PROPERTY + "=false to serve these endpoints unprotected on purpose.";

  /** Created by the Jakarta REST implementation. */
  public FeatureRegistrationCheck() {}

  @Override
  public void configure(ResourceInfo resourceInfo, FeatureContext context) {
    Class<?> resourceClass = resourceInfo.getResourceClass();
    Configuration configuration = context.getConfiguration();
    if (resourceClass == null
        || Boolean.TRUE.equals(configuration.getProperty(REGISTERED))
        || "false".equalsIgnoreCase(String.valueOf(configuration.getProperty(PROPERTY)))) {
      return;
    }
    if (DeclaredRules.anyInHierarchy(resourceClass)) {
      throw new IllegalStateException(String.format(FEATURE_MISSING, resourceClass.getName()));
    }
  }
}
