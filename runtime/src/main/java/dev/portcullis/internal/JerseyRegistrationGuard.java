package dev.portcullis.internal;

import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Jersey finds this class by itself (auto-discovery) in every server application that has
 * the Portcullis runtime on its class path. If a resource class carries Portcullis
 * annotations but the application never registered {@code PortcullisFeature}, nothing would
 * check its tokens: the guard stops startup instead, saying which line is missing.
 *
 * <p>An application that really wants to serve annotated resources unprotected (a test, for
 * example) sets the application property {@value #PROPERTY} to {@code false}.
 */
@ConstrainedTo(RuntimeType.SERVER)
public final class JerseyRegistrationGuard implements ForcedAutoDiscoverable {
  /** The application property that switches the guard off. */
  public static final String PROPERTY = "portcullis.require-feature";

  /** Marks a configuration that {@code PortcullisFeature} has configured. */
  public static final String REGISTERED = "dev.portcullis.feature.registered";

  static final String FEATURE_MISSING = "The resource class %s carries Portcullis annotations (@RequiresScope,"
      + " @RequiresToken or @Public), but PortcullisFeature is not registered, so nothing would check its tokens."
      + " Register it in the application, for example"
      + " new ResourceConfig(...).register(PortcullisFeature.fromEnvironment()), or set the application property "
      + PROPERTY + "=false to serve these endpoints unprotected on purpose.";

  @Override
  public void configure(FeatureContext context) {
    if (!context.getConfiguration().isRegistered(MissingFeatureCheck.class)) {
      context.register(new MissingFeatureCheck());
    }
  }

  /** Checks each resource method once, when Jersey builds the application model. */
  static final class MissingFeatureCheck implements DynamicFeature {
    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
      Class<?> resourceClass = resourceInfo.getResourceClass();
      if (resourceClass == null
          || Boolean.TRUE.equals(context.getConfiguration().getProperty(REGISTERED))
          || "false".equalsIgnoreCase(String.valueOf(context.getConfiguration().getProperty(PROPERTY)))) {
        return;
      }
      if (DeclaredRules.anyInHierarchy(resourceClass)) {
        throw new IllegalStateException(String.format(FEATURE_MISSING, resourceClass.getName()));
      }
    }
  }
}
