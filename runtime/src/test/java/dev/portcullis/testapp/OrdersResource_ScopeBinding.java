package dev.portcullis.testapp;

import dev.portcullis.ScopeMatch;
import dev.portcullis.spi.MethodBinding;
import dev.portcullis.spi.ScopeBinding;
import dev.portcullis.spi.ScopeRequirement;
import java.util.List;

/** Written the way the annotation processor would write it for OrdersResource. */
public final class OrdersResource_ScopeBinding implements ScopeBinding {
  @Override
  public Class<?> resourceClass() {
    return OrdersResource.class;
  }

  @Override
  public List<MethodBinding> methods() {
    return List.of(
        MethodBinding.of("audit", ScopeRequirement.scopes(ScopeMatch.ALL, "orders:read", "audit")),
        MethodBinding.of("count", ScopeRequirement.anyToken()),
        MethodBinding.of("create", ScopeRequirement.scopes(ScopeMatch.ALL, "orders:write"), String.class),
        MethodBinding.of("delete", ScopeRequirement.scopes(ScopeMatch.ANY, "orders:admin", "ops"), String.class),
        MethodBinding.of("get", ScopeRequirement.scopes(ScopeMatch.ALL, "orders:read"), String.class),
        MethodBinding.of("list", ScopeRequirement.scopes(ScopeMatch.ALL, "orders:read")),
        MethodBinding.of("search", ScopeRequirement.scopes(ScopeMatch.ALL, "orders:read"), String.class));
  }
}
