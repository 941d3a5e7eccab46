package dev.portcullis.testapp;

import dev.portcullis.spi.MethodBinding;
import dev.portcullis.spi.ScopeBinding;
import dev.portcullis.spi.ScopeRequirement;
import java.util.List;

/** Written the way the annotation processor would write it for MeResource. */
public final class MeResource_ScopeBinding implements ScopeBinding {
  @Override
  public Class<?> resourceClass() {
    return MeResource.class;
  }

  @Override
  public List<MethodBinding> methods() {
    return List.of(
        MethodBinding.of("me", ScopeRequirement.anyToken(), jakarta.ws.rs.core.SecurityContext.class),
        MethodBinding.of("ping", ScopeRequirement.publicAccess(), jakarta.ws.rs.core.SecurityContext.class));
  }
}
