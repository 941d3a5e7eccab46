package dev.portcullis;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Protects the resource methods the annotation processor saw. SKELETON.
 *
 * <pre>{@code
 * ResourceConfig app = new ResourceConfig(OrdersResource.class)
 *     .register(new PortcullisFeature(PortcullisConfig.fromEnvironment()));
 * }</pre>
 */
public final class PortcullisFeature implements Feature {
  private final PortcullisConfig config;

  public PortcullisFeature(PortcullisConfig config) {
    this.config = config;
  }

  @Override
  public boolean configure(FeatureContext context) {
    return true;
  }
}
