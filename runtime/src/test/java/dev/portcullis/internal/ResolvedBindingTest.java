package dev.portcullis.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.ScopeMatch;
import dev.portcullis.spi.MethodBinding;
import dev.portcullis.spi.ScopeBinding;
import dev.portcullis.spi.ScopeRequirement;
import dev.portcullis.testapp.CrudApi;
import dev.portcullis.testapp.ItemsApi;
import dev.portcullis.testapp.ItemsResource;
import dev.portcullis.testapp.ItemsResource_ScopeBinding;
import dev.portcullis.testapp.NotesResource;
import dev.portcullis.testapp.NotesResource_ScopeBinding;
import dev.portcullis.testapp.PlainResource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Matching resource methods, as JAX-RS reports them, to generated rules. */
class ResolvedBindingTest {
  private static final ScopeRequirement ITEMS = ScopeRequirement.scopes(ScopeMatch.ALL, "items:read");
  private static final ScopeRequirement NOTES = ScopeRequirement.scopes(ScopeMatch.ALL, "notes:write");

  @Test
  void classMethodMatchesByNameAndParameterTypes() throws Exception {
    ResolvedBinding b = ResolvedBinding.of(new ItemsResource_ScopeBinding());
    assertEquals(ITEMS, b.requirementFor(ItemsResource.class.getMethod("get", String.class)));
  }

  @Test
  void interfaceMethodMatchesTheSameRule() throws Exception {
    ResolvedBinding b = ResolvedBinding.of(new ItemsResource_ScopeBinding());
    assertEquals(ITEMS, b.requirementFor(ItemsApi.class.getMethod("get", String.class)));
  }

  @Test
  void erasedGenericInterfaceMethodMatchesTheImplementation() throws Exception {
    ResolvedBinding b = ResolvedBinding.of(new NotesResource_ScopeBinding());
    assertEquals(NOTES, b.requirementFor(CrudApi.class.getMethod("create", Object.class)));
    assertEquals(NOTES, b.requirementFor(NotesResource.class.getMethod("create", String.class)));
  }

  @Test
  void unlistedMethodHasNoRule() throws Exception {
    ResolvedBinding b = ResolvedBinding.of(new ItemsResource_ScopeBinding());
    assertNull(b.requirementFor(Object.class.getMethod("toString")));
  }

  @Test
  void ruleForAMethodTheClassLacksIsRejected() {
    ScopeBinding stale = binding(PlainResource.class, MethodBinding.of("gone", ITEMS, String.class));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> ResolvedBinding.of(stale));
    assertTrue(e.getMessage().contains("PlainResource.gone(String)"), e.getMessage());
  }

  @Test
  void ruleWithWrongParameterTypesIsRejected() {
    ScopeBinding stale = binding(ItemsResource.class, MethodBinding.of("get", ITEMS, Integer.class));
    assertThrows(IllegalStateException.class, () -> ResolvedBinding.of(stale));
  }

  private static ScopeBinding binding(Class<?> type, MethodBinding... methods) {
    return new ScopeBinding() {
      @Override
      public Class<?> resourceClass() {
        return type;
      }

      @Override
      public List<MethodBinding> methods() {
        return List.of(methods);
      }
    };
  }
}
