package dev.portcullis.internal.filters;

import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Jersey finds this class by itself (auto-discovery, through the runtime jar's {@code
 * META-INF/services/org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable}) in every server
 * application that has the Portcullis runtime on its class path, and it registers {@link
 * FeatureRegistrationCheck} and {@link JerseyShutdown}, and it tells {@link
 * GeneratedFilterFeature} that Jersey's {@code ResourceInfo} names the class it serves. With
 * {@link JerseyShutdown} the only classes of the runtime that name Jersey API: other Jakarta
 * REST implementations never load them, so they need no Jersey jar.
 */
@ConstrainedTo(RuntimeType.SERVER)
public final class JerseyRegistrationGuard implements ForcedAutoDiscoverable {
  @Override
  public void configure(FeatureContext context) {
    context.property(GeneratedFilterFeature.REPORTS_SERVED_CLASS, true);
    if (!context.getConfiguration().isRegistered(FeatureRegistrationCheck.class)) {
      context.register(new FeatureRegistrationCheck());
    }
    if (!context.getConfiguration().isRegistered(JerseyShutdown.class)) {
      context.register(new JerseyShutdown());
    }
  }
}
