package dev.portcullis.testapp;

import dev.portcullis.ScopeMatch;
import dev.portcullis.spi.MethodBinding;
import dev.portcullis.spi.ScopeBinding;
import dev.portcullis.spi.ScopeRequirement;
import java.util.List;

/** Written the way the annotation processor would write it for NotesResource. */
public final class NotesResource_ScopeBinding implements ScopeBinding {
  @Override
  public Class<?> resourceClass() {
    return NotesResource.class;
  }

  @Override
  public List<MethodBinding> methods() {
    return List.of(MethodBinding.of("create", ScopeRequirement.scopes(ScopeMatch.ALL, "notes:write"), String.class));
  }
}
