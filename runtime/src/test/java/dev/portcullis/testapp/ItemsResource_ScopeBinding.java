package dev.portcullis.testapp;

import dev.portcullis.ScopeMatch;
import dev.portcullis.spi.MethodBinding;
import dev.portcullis.spi.ScopeBinding;
import dev.portcullis.spi.ScopeRequirement;
import java.util.List;

/** Written the way the annotation processor would write it for ItemsResource. */
public final class ItemsResource_ScopeBinding implements ScopeBinding {
  @Override
  public Class<?> resourceClass() {
    return ItemsResource.class;
  }

  @Override
  public List<MethodBinding> methods() {
    return List.of(MethodBinding.of("get", ScopeRequirement.scopes(ScopeMatch.ALL, "items:read"), String.class));
  }
}
