package dev.portcullis.testapp;

import dev.portcullis.ScopeMatch;
import dev.portcullis.spi.MethodBinding;
import dev.portcullis.spi.ScopeBinding;
import dev.portcullis.spi.ScopeRequirement;
import java.util.List;

/** Generated before StaleResource.read() was renamed. */
public final class StaleResource_ScopeBinding implements ScopeBinding {
  @Override
  public Class<?> resourceClass() {
    return StaleResource.class;
  }

  @Override
  public List<MethodBinding> methods() {
    return List.of(MethodBinding.of("read", ScopeRequirement.scopes(ScopeMatch.ALL, "stale:read")));
  }
}
