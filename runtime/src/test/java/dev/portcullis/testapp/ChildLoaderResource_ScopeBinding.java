package dev.portcullis.testapp;

import dev.portcullis.ScopeMatch;
import dev.portcullis.spi.MethodBinding;
import dev.portcullis.spi.ScopeBinding;
import dev.portcullis.spi.ScopeRequirement;
import java.util.List;

/** Listed only in a service file that a child class loader provides, not on the classpath. */
public final class ChildLoaderResource_ScopeBinding implements ScopeBinding {
  @Override
  public Class<?> resourceClass() {
    return ChildLoaderResource.class;
  }

  @Override
  public List<MethodBinding> methods() {
    return List.of(MethodBinding.of("get", ScopeRequirement.scopes(ScopeMatch.ALL, "child:read")));
  }
}
