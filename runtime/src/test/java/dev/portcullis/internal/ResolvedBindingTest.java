package dev.portcullis.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.ScopeMatch;
import dev.portcullis.testapp.CrudApi;
import dev.portcullis.testapp.ItemsApi;
import dev.portcullis.testapp.ItemsResource;
import dev.portcullis.testapp.KindsBase;
import dev.portcullis.testapp.KindsResource;
import dev.portcullis.testapp.NotesResource;
import dev.portcullis.testapp.PlainResource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Matching resource methods, as JAX-RS reports them, to the rules of binding files. */
class ResolvedBindingTest {
  private static final ScopeRequirement ITEMS = ScopeRequirement.scopes(ScopeMatch.ALL, "items:read");
  private static final ScopeRequirement NOTES = ScopeRequirement.scopes(ScopeMatch.ALL, "notes:write");

  /** Overloads that all implement the generic create(T) of the interface. */
  static class Overloads implements CrudApi<String> {
    @Override
    public String create(String body) {
      return body;
    }

    public String create(Integer body) {
      return String.valueOf(body);
    }
  }

  /** The binding file on the test class path. */
  private static ResolvedBinding fromClassPath(Class<?> type) {
    return new ScopeBindings().find(type);
  }

  /** A binding of {@code type} with these method entries, read from JSON text. */
  private static ResolvedBinding resolve(Class<?> type, String... methods) {
    String json = "{\"portcullisBinding\": 1, \"resourceClass\": \"" + type.getName() + "\", \"methods\": ["
        + String.join(", ", methods) + "]}";
    return ResolvedBinding.of(type, BindingFile.parse(BindingFile.resourcePath(type.getName()), type.getName(), json));
  }

  private static String entry(String name, String parameterTypes, String scope) {
    return "{\"name\": \"" + name + "\", \"parameterTypes\": [" + parameterTypes + "], \"requires\": \"scopes\","
        + " \"match\": \"ALL\", \"scopes\": [\"" + scope + "\"]}";
  }

  @Test
  void classMethodMatchesByNameAndParameterTypes() throws Exception {
    ResolvedBinding b = fromClassPath(ItemsResource.class);
    assertEquals(ITEMS, b.requirementFor(ItemsResource.class.getMethod("get", String.class)));
  }

  @Test
  void interfaceMethodMatchesTheSameRule() throws Exception {
    ResolvedBinding b = fromClassPath(ItemsResource.class);
    assertEquals(ITEMS, b.requirementFor(ItemsApi.class.getMethod("get", String.class)));
  }

  @Test
  void erasedGenericInterfaceMethodMatchesTheImplementation() throws Exception {
    ResolvedBinding b = fromClassPath(NotesResource.class);
    assertEquals(NOTES, b.requirementFor(CrudApi.class.getMethod("create", Object.class)));
    assertEquals(NOTES, b.requirementFor(NotesResource.class.getMethod("create", String.class)));
  }

  @Test
  void methodOfASuperclassIsFoundByItsErasedParameterType() throws Exception {
    ResolvedBinding b = resolve(KindsResource.class, entry("inherited", "\"java.util.List\"", "kinds:read"));
    ScopeRequirement read = ScopeRequirement.scopes(ScopeMatch.ALL, "kinds:read");
    assertEquals(read, b.requirementFor(KindsBase.class.getMethod("inherited", List.class)));
    assertEquals(read, b.requirementFor(KindsResource.class.getMethod("inherited", List.class)));
  }

  @Test
  void unlistedMethodHasNoRule() throws Exception {
    ResolvedBinding b = fromClassPath(ItemsResource.class);
    assertNull(b.requirementFor(Object.class.getMethod("toString")));
  }

  @Test
  void ruleForAMethodTheClassLacksIsRejected() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> resolve(PlainResource.class, entry("gone", "\"java.lang.String\"", "items:read")));
    assertEquals("The generated binding META-INF/portcullis/bindings/dev.portcullis.testapp.PlainResource.json"
        + " protects dev.portcullis.testapp.PlainResource.gone(java.lang.String), which the class does not have,"
        + " so the class changed after the binding was generated; rebuild the application with the Portcullis"
        + " annotation processor (for example mvn clean verify).", e.getMessage());
  }

  @Test
  void ruleWithWrongParameterTypesIsRejected() {
    assertThrows(IllegalStateException.class,
        () -> resolve(ItemsResource.class, entry("get", "\"java.lang.Integer\"", "items:read")));
    assertThrows(IllegalStateException.class,
        () -> resolve(ItemsResource.class, entry("get", "", "items:read")));
  }

  @Test
  void parameterTypesMustBeWrittenAsTypeNames() {
    // Class.getTypeName(): not the simple name, not the array descriptor, not the dotted nested name.
    assertThrows(IllegalStateException.class,
        () -> resolve(ItemsResource.class, entry("get", "\"String\"", "items:read")));
    assertThrows(IllegalStateException.class, () -> resolve(KindsResource.class,
        entry("search", "\"int\", \"[Ljava.lang.String;\", \"dev.portcullis.testapp.KindsResource$Inner\"", "x")));
    assertThrows(IllegalStateException.class, () -> resolve(KindsResource.class,
        entry("search", "\"int\", \"java.lang.String[]\", \"dev.portcullis.testapp.KindsResource.Inner\"", "x")));
  }

  @Test
  void overloadsWithDifferentRulesForOneReportedMethodAreAmbiguous() throws Exception {
    ResolvedBinding b = resolve(Overloads.class,
        entry("create", "\"java.lang.String\"", "a"), entry("create", "\"java.lang.Integer\"", "b"));
    assertEquals(ScopeRequirement.scopes(ScopeMatch.ALL, "b"),
        b.requirementFor(Overloads.class.getMethod("create", Integer.class)));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> b.requirementFor(CrudApi.class.getMethod("create", Object.class)));
    assertTrue(e.getMessage().contains(BindingFile.resourcePath(Overloads.class.getName())), e.getMessage());
    assertTrue(e.getMessage().contains("give the overloads distinct names"), e.getMessage());
  }
}
