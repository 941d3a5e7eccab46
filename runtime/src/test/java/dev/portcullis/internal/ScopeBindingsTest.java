package dev.portcullis.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.ScopeMatch;
import dev.portcullis.testapp.ChildLoaderResource;
import dev.portcullis.testapp.KindsBase;
import dev.portcullis.testapp.KindsResource;
import dev.portcullis.testapp.PlainResource;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding each resource class's binding file once, by the class's name. */
class ScopeBindingsTest {
  private static final String CHILD = BindingFile.resourcePath(ChildLoaderResource.class.getName());

  /** Serves the test class path and, when given, ChildLoaderResource's binding; counts look-ups. */
  private static final class CountingLoader extends ClassLoader {
    private final URL childBinding;
    private final List<String> lookups = new ArrayList<>();

    CountingLoader(URL childBinding) {
      super(ScopeBindingsTest.class.getClassLoader());
      this.childBinding = childBinding;
    }

    @Override
    public URL getResource(String name) {
      lookups.add(name);
      return super.getResource(name);
    }

    @Override
    protected URL findResource(String name) {
      return name.equals(CHILD) ? childBinding : null;
    }
  }

  private static <T> T withContextLoader(ClassLoader loader, Callable<T> action) throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      return action.call();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private static URL write(Path dir, String json) throws IOException {
    Path file = dir.resolve("binding.json");
    Files.writeString(file, json);
    return file.toUri().toURL();
  }

  @Test
  void bindingOfEveryKindOfMethodAndParameterTypeIsFoundAndResolved() throws Exception {
    ResolvedBinding binding = new ScopeBindings().find(KindsResource.class);
    assertTrue(binding.source().endsWith("/META-INF/portcullis/bindings/dev.portcullis.testapp.KindsResource.json"),
        binding.source());
    assertEquals(ScopeRequirement.publicAccess(), binding.requirementFor(KindsResource.class.getMethod("health")));
    assertEquals(ScopeRequirement.anyToken(),
        binding.requirementFor(KindsResource.class.getMethod("me", long[][].class, boolean.class)));
    assertEquals(
        ScopeRequirement.scopes(ScopeMatch.ALL, "kinds:write", "audit").orImpliedBy("kinds:write", "kinds:admin"),
        binding.requirementFor(
            KindsResource.class.getMethod("search", int.class, String[].class, KindsResource.Inner.class)));
    ScopeRequirement inherited = binding.requirementFor(KindsBase.class.getMethod("inherited", List.class));
    assertEquals(ScopeRequirement.scopes(ScopeMatch.ANY, "kinds:read")
        .orImpliedBy("kinds:read", "kinds:write", "kinds:admin"), inherited);
    assertTrue(inherited.isSatisfiedBy(List.of("kinds:admin")));
  }

  @Test
  void nestedClassBindingIsNamedWithItsBinaryName() throws Exception {
    ResolvedBinding binding = new ScopeBindings().find(KindsResource.Inner.class);
    assertTrue(binding.source().endsWith("/dev.portcullis.testapp.KindsResource$Inner.json"), binding.source());
    assertEquals(ScopeRequirement.anyToken(), binding.requirementFor(KindsResource.Inner.class.getMethod("get")));
  }

  @Test
  void classWithoutBindingHasNone() {
    assertNull(new ScopeBindings().find(PlainResource.class));
  }

  @Test
  void eachClassIsLookedUpAndReadOnce(@TempDir Path dir) throws Exception {
    URL file = write(dir, "{\"portcullisBinding\": 1, \"resourceClass\": \"" + ChildLoaderResource.class.getName()
        + "\", \"methods\": [{\"name\": \"get\", \"parameterTypes\": [], \"requires\": \"token\"}]}");
    CountingLoader loader = new CountingLoader(file);
    ScopeBindings bindings = new ScopeBindings();
    withContextLoader(loader, () -> {
      ResolvedBinding first = bindings.find(ChildLoaderResource.class);
      assertEquals(file.toString(), first.source());
      assertSame(first, bindings.find(ChildLoaderResource.class));
      assertNull(bindings.find(PlainResource.class));
      assertNull(bindings.find(PlainResource.class));
      return null;
    });
    assertEquals(List.of(CHILD, BindingFile.resourcePath(PlainResource.class.getName())), loader.lookups);
  }

  @Test
  void damagedBindingFailsEveryTimeItIsAskedFor(@TempDir Path dir) throws Exception {
    URL file = write(dir, "{\"portcullisBinding\": 2}");
    ScopeBindings bindings = new ScopeBindings();
    withContextLoader(new CountingLoader(file), () -> {
      for (int i = 0; i < 2; i++) {
        IllegalStateException e =
            assertThrows(IllegalStateException.class, () -> bindings.find(ChildLoaderResource.class));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("different Portcullis versions"), e.getMessage());
      }
      return null;
    });
  }
}
